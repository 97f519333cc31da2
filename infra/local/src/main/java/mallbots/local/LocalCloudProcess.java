package mallbots.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code LocalCloudCommand up} in a JVM of its own, as {@code ./mallbots up} runs it, its console kept line by
 * line: for what must kill the local cloud with SIGKILL and start it again (the crash tests, the
 * fault suite).
 */
public final class LocalCloudProcess {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);

    private LocalCloudProcess(Process process, Consumer<String> echo) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    echo.accept(line);
                    if (line.startsWith("ready in ")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /**
     * Starts {@code java -cp classpath mallbots.local.LocalCloudCommand up <upArgs>}.
     *
     * @param echo told of every console line as it comes (e.g. to keep a log file)
     */
    public static LocalCloudProcess start(String classpath, List<String> upArgs, Consumer<String> echo) {
        return start(classpath, List.of(), upArgs, echo);
    }

    /** {@link #start(String, List, Consumer)} with more JVM options (e.g. {@code -Dname=value}). */
    public static LocalCloudProcess start(String classpath, List<String> jvmOptions, List<String> upArgs,
            Consumer<String> echo) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--sun-misc-unsafe-memory-access=allow"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "mallbots.local.LocalCloudCommand", "up"));
        command.addAll(upArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putIfAbsent("AWS_EMF_ENVIRONMENT", "Local");
        try {
            return new LocalCloudProcess(builder.start(), echo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local cloud: " + command, e);
        }
    }

    public Process process() {
        return process;
    }

    /**
     * Waits for the {@code ready in} line; fails with the output so far if it does not come, at
     * once if the process ends first (a template it refuses, a data directory in use).
     */
    public void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ready.await(Math.min(200, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() && !ready.await(1, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the local cloud exited with " + process.exitValue()
                        + " before it was ready; output:\n" + output());
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("the local cloud was not ready within " + within.toSeconds()
                        + " s; output:\n" + output());
            }
        }
    }

    /** The console lines so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** SIGKILL (no shutdown hook runs), then waits until it and its children (dynalite) are gone. */
    public void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Ends it and its children at once, whatever state they are in. */
    public void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
