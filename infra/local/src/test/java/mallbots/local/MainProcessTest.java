package mallbots.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code mallbots.local.LocalCloudCommand up} as its own process: it gets ready, and SIGTERM stops it and its children. */
class MainProcessTest {

    @Test
    void up_starts_reports_ready_and_stops_cleanly_on_sigterm() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path state = Files.createTempDirectory("mallbots-main");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath,
                "mallbots.local.LocalCloudCommand", "up", "--port", "0", "--api-port", "0", "--console-port", "0",
                "--template", TemplateReaderTest.TEST_TEMPLATE.toString(), "--state-dir", state.toString())
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("ready in ")) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        try {
            assertThat(ready.await(120, TimeUnit.SECONDS)).as("ready line; output so far:\n%s", String.join("\n", output)).isTrue();
            long startupMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("local cloud start-up (process start to ready line): " + startupMillis + " ms; it says: "
                    + output.stream().filter(l -> l.startsWith("ready in ")).findFirst().orElseThrow());

            List<ProcessHandle> children = process.descendants().toList();
            assertThat(children).as("dynalite runs as a child").anyMatch(child ->
                    child.info().commandLine().orElse("").contains("dynalite"));

            long stopping = System.nanoTime();
            process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited; output:\n%s", String.join("\n", output)).isTrue();
            reader.join(Duration.ofSeconds(10));
            System.out.println("stopped " + (System.nanoTime() - stopping) / 1_000_000 + " ms after SIGTERM");
            assertThat(process.exitValue()).isZero();
            assertThat(output).as("output:\n%s", String.join("\n", output)).contains("stopping", "stopped");
            await("no child process (dynalite) is left").atMost(Duration.ofSeconds(10))
                    .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void a_template_error_stops_up_before_anything_starts() throws Exception {
        Path template = Files.createTempFile("broken", ".yaml");
        Files.writeString(template, """
                Resources:
                  Stream:
                    Type: AWS::Kinesis::Stream
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java, "-cp", classpath, "mallbots.local.LocalCloudCommand", "up", "--port", "0",
                "--api-port", "0", "--console-port", "0", "--template", template.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("mallbots: Resources.Stream.Type: unknown resource type AWS::Kinesis::Stream");
    }
}
