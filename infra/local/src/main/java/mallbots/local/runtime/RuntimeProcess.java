package mallbots.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * One function jar run as Lambda's Java runtime runs it: a JVM of its own with the official
 * runtime interface client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda},
 * the handler as its argument) and the jar on its classpath, the function's environment and
 * nothing of ours, served its one event by a {@link RuntimeApi}. Used by {@code ./mallbots invoke}
 * and the cold-start harness.
 */
public final class RuntimeProcess {

    /**
     * The JVM flags of Lambda's Java runtimes that matter here: C1 only (Lambda's default for
     * java17 to java25 without SnapStart) and the serial collector (Lambda's default); the JDK's
     * default CDS archive is used as on Lambda.
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    /** Lambda's limit on the init phase. */
    public static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);

    private RuntimeProcess() {
    }

    /**
     * The process for {@code jar}'s {@code handler}: its command line (java, {@code jvmFlags},
     * the runtime interface client and the jar) and its environment, which is {@code environment}
     * plus what Lambda's runtime sets (AWS_LAMBDA_RUNTIME_API, _HANDLER, LAMBDA_TASK_ROOT, the log
     * group and stream) and PATH and TMPDIR, nothing else of this process's. Output is the caller's.
     */
    public static ProcessBuilder builder(Path jar, String handler, Map<String, String> environment, RuntimeApi api,
                                         Path taskRoot, List<String> jvmFlags) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        List<String> classpath = new ArrayList<>(runtimeClasspath());
        classpath.add(jar.toString());
        command.add(String.join(File.pathSeparator, classpath));
        command.add(AWSLambda.class.getName());
        command.add(handler);

        Files.createDirectories(taskRoot);
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("TMPDIR", System.getProperty("java.io.tmpdir"));
        env.putAll(environment);
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("_HANDLER", handler);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        String functionName = environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + functionName);
        return builder;
    }

    /**
     * Starts the process, serves it {@code event}, waits for its answer (init, bounded by
     * {@link #INIT_TIMEOUT}, plus {@code timeout}), then ends it. A process that exits without
     * answering ends the wait too: its run then has no answer. {@code started} gets the process
     * as soon as it runs (to read its output).
     *
     * @throws TimeoutException when no answer came in time (the process is ended)
     */
    public static RuntimeApi.Run runOnce(RuntimeApi api, ProcessBuilder builder, String functionArn, byte[] event,
                                         Duration timeout, Duration exitWait, Consumer<Process> started)
            throws IOException, InterruptedException, TimeoutException {
        RuntimeApi.Run run = api.begin(functionArn, event, timeout);
        run.startNanos = System.nanoTime();
        Process process = builder.start();
        try {
            started.accept(process);
            process.onExit().thenRun(() -> run.answered.complete(null));
            RuntimeApi.awaitAnswer(run, INIT_TIMEOUT.plus(timeout));
        } finally {
            run.finished.complete(null);
            process.destroy();
            if (!process.waitFor(exitWait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        return run;
    }

    /** The runtime interface client and what it needs, as Lambda's Java runtime has them. */
    public static List<String> runtimeClasspath() {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)) {
            try {
                jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return jars;
    }
}
