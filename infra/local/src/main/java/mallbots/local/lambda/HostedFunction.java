package mallbots.local.lambda;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * One function of the template, loaded from its own code ({@link FunctionCode}: its CodeUri jar in
 * a class loader of its own) with its own environment, and run in this JVM. As on Lambda, the
 * handler class is initialised and constructed at the first invocation (the init phase, bounded
 * by {@link #INIT_TIMEOUT}, not by the function's Timeout; a failed init is tried again at the
 * next invocation), with the thread's context class loader set to the function's. Each
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

    /** Lambda's limit on a function's init phase. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);

    private final Template.Function spec;
    private final Map<String, String> environment;
    private final FunctionCode code;
    private final FlowConsole console;
    private final UsageMeter usage;
    private HandlerMethod handler;

    HostedFunction(Template.Function spec, Map<String, String> environment, FunctionCode code, FlowConsole console,
                   UsageMeter usage) {
        this.spec = spec;
        this.environment = environment;
        this.code = code;
        this.console = console;
        this.usage = usage;
        // a handler class missing from the jar stops start-up, naming the function
        HandlerMethod.requireHandlerClass(spec.name(), spec.handler(), code);
    }

    /** The function's code: where its classes come from. */
    public FunctionCode code() {
        return code;
    }

    /** The init phase, once: loads and constructs the handler in the function's class loader. */
    private synchronized HandlerMethod initialized() {
        if (handler == null) {
            handler = HandlerMethod.load(spec.name(), spec.handler(), environment, code);
        }
        return handler;
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
        long start = System.nanoTime();
        AtomicLong cpuNanos = new AtomicLong(-1);
        CompletableFuture<Void> initDone = new CompletableFuture<>();
        FutureTask<String> task = new FutureTask<>(() -> {
            long cpuBefore = THREAD_CPU.getCurrentThreadCpuTime();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(code.loader());
            try {
                HandlerMethod initialized;
                try {
                    initialized = FunctionOutput.capture(log, this::initialized);
                } finally {
                    initDone.complete(null);
                }
                // the function's Timeout counts from the end of init, as on Lambda
                LocalContext context = new LocalContext(requestId, spec.name(), spec.arn(), spec.memorySizeMb(),
                        spec.timeoutSeconds(), log);
                return FunctionOutput.capture(log, () -> initialized.invoke(payload, context));
            } finally {
                thread.setContextClassLoader(previous);
                if (cpuBefore >= 0) {
                    cpuNanos.set(THREAD_CPU.getCurrentThreadCpuTime() - cpuBefore);
                }
            }
        });
        THREADS.execute(task);
        String output = null;
        Exception error = null;
        try {
            try {
                initDone.get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                task.cancel(true);
                throw new ExecutionException(new TimeoutException("Init timed out after " + INIT_TIMEOUT.toSeconds()
                        + " seconds"));
            }
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
