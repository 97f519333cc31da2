package mallbots.local.lambda;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import mallbots.emulators.UsageMeter;
import mallbots.local.console.FlowConsole;
import mallbots.local.template.Template;

/**
 * One function of the template, loaded with its own environment and run in this JVM. Each
 * invocation gets a fresh request id, a Context whose remaining time counts down from the
 * function's Timeout, and is abandoned (as Lambda does) when that time runs out.
 *
 * <p>Handlers run on platform threads (a shared, growing pool; a blocked handler holds its thread,
 * as it holds its container on Lambda), so that the CPU time of each invocation can be read from
 * its thread and counted, with its billed duration, in the {@link UsageMeter}.
 */
public final class HostedFunction {

    /** The outcome of one invocation: the JSON answer, or the error. */
    public record Invocation(String output, Exception error, Duration elapsed, String requestId, InvocationLogger log) {

        public boolean failed() {
            return error != null;
        }

        public String errorText() {
            return error == null ? null : error.getClass().getSimpleName() + ": " + error.getMessage();
        }
    }

    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("fn-", 0).factory());

    private final Template.Function spec;
    private final HandlerMethod handler;
    private final FlowConsole console;
    private final UsageMeter usage;

    HostedFunction(Template.Function spec, Map<String, String> environment, FlowConsole console, UsageMeter usage) {
        this.spec = spec;
        this.console = console;
        this.usage = usage;
        this.handler = HandlerMethod.load(spec.name(), spec.handler(), environment);
    }

    public String name() {
        return spec.name();
    }

    public Template.Function spec() {
        return spec;
    }

    /** Invokes with the payload Lambda would send for the event source. Never throws: see {@link Invocation#error()}. */
    public Invocation invoke(String payload) {
        String requestId = UUID.randomUUID().toString();
        InvocationLogger log = new InvocationLogger(line -> console.functionLog(spec.name(), line));
        LocalContext context = new LocalContext(requestId, spec.name(), spec.arn(), spec.memorySizeMb(),
                spec.timeoutSeconds(), log);
        long start = System.nanoTime();
        AtomicLong cpuNanos = new AtomicLong(-1);
        FutureTask<String> task = new FutureTask<>(() -> {
            long cpuBefore = THREAD_CPU.getCurrentThreadCpuTime();
            try {
                return FunctionOutput.capture(log, () -> handler.invoke(payload, context));
            } finally {
                if (cpuBefore >= 0) {
                    cpuNanos.set(THREAD_CPU.getCurrentThreadCpuTime() - cpuBefore);
                }
            }
        });
        THREADS.execute(task);
        String output = null;
        Exception error = null;
        try {
            output = await(task);
        } catch (TimeoutException e) {
            task.cancel(true);
            error = new TimeoutException("Task timed out after " + spec.timeoutSeconds() + ".00 seconds");
        } catch (ExecutionException e) {
            error = e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            error = e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        usage.invocation(spec.name(), spec.memorySizeMb(), elapsed, cpuNanos.get());
        return new Invocation(output, error, elapsed, requestId, log);
    }

    private String await(Future<String> task) throws InterruptedException, ExecutionException, TimeoutException {
        return task.get(spec.timeoutSeconds(), TimeUnit.SECONDS);
    }
}
