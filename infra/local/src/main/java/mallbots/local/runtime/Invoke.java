package mallbots.local.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import mallbots.emulators.Ports;
import mallbots.local.Options;
import mallbots.local.lambda.FunctionHost;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;

/**
 * {@code ./mallbots invoke <Function> [-e event.json]}: what {@code sam local invoke} does, without
 * Docker. The function's CodeUri jar runs in a JVM of its own under the official runtime
 * interface client ({@link RuntimeProcess}), against a Runtime API served here, with the
 * environment the template gives the function and its AWS calls going to the running local cloud
 * (or {@code --endpoint}). The function's output is printed to stderr as it comes, then a REPORT
 * line; its response (or error document) to stdout. Exit code 0 when it answered, 1 when it
 * failed or gave no answer.
 */
public final class Invoke {

    public static final String USAGE = "usage: mallbots invoke <Function> [-e event.json | -e -] [--port 4566 | --endpoint URL]"
            + " [--template template.yaml] [--param Name=Value ...]";

    private Invoke() {
    }

    public static int run(Options options, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<String> words = options.command();
        String name = null;
        String eventFile = null;
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).equals("-e") || words.get(i).equals("--event")) {
                if (i + 1 >= words.size()) {
                    throw new IllegalArgumentException("-e needs a file (or - for stdin)\n" + USAGE);
                }
                eventFile = words.get(++i);
            } else if (name == null) {
                name = words.get(i);
            } else {
                throw new IllegalArgumentException("unexpected " + words.get(i) + "\n" + USAGE);
            }
        }
        if (name == null) {
            throw new IllegalArgumentException(USAGE);
        }
        URI endpoint = options.awsEndpoint();
        Template template = TemplateReader.read(options.template(), options.parameters(),
                new TemplateReader.Site(options.region(), endpoint, URI.create("http://127.0.0.1:" + options.apiPort())));
        Template.Function function = find(template, name);
        if (function.codeUri().isEmpty()) {
            throw new IllegalArgumentException("function " + function.logicalId() + " has no CodeUri");
        }
        Path jar = options.template().toAbsolutePath().getParent().resolve(function.codeUri()).normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("function " + function.logicalId() + ": no jar at " + jar
                    + " (build the function jars first: mvn package -DskipTests)");
        }
        byte[] event = eventFile == null ? "{}".getBytes(StandardCharsets.UTF_8)
                : eventFile.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(eventFile));
        if (!Ports.isOpen(endpoint.getPort())) {
            err.println("note: nothing answers at " + endpoint + " (is ./mallbots up running?): the function's AWS calls will fail");
        }
        Map<String, String> environment = FunctionHost.environment(function, template.region(), endpoint);
        Path taskRoot = options.stateDir().resolve("invoke/task");
        try (RuntimeApi api = RuntimeApi.start()) {
            ProcessBuilder builder = RuntimeProcess.builder(jar, function.handler(), environment, api, taskRoot,
                    RuntimeProcess.JVM_FLAGS).redirectErrorStream(true);
            RuntimeApi.Run run;
            Thread[] pump = new Thread[1];
            try {
                run = RuntimeProcess.runOnce(api, builder, function.arn(), event,
                        Duration.ofSeconds(function.timeoutSeconds()), Duration.ofSeconds(5),
                        process -> pump[0] = Thread.ofPlatform().name("invoke-log").start(() -> copyLines(process, err)));
            } catch (TimeoutException e) {
                err.println("Task timed out after " + function.timeoutSeconds() + ".00 seconds (plus "
                        + RuntimeProcess.INIT_TIMEOUT.toSeconds() + " s of init)");
                return 1;
            } finally {
                if (pump[0] != null) {
                    pump[0].join(2000);
                }
            }
            if (run.answer() == null) {
                err.println("the runtime process of " + function.logicalId() + " exited without answering");
                return 1;
            }
            err.printf(Locale.ROOT, "REPORT RequestId: %s\tInit Duration: %.2f ms\tDuration: %.2f ms\tMemory Size: %d MB%n",
                    run.requestId(), millis(run.firstNextNanos() - run.startNanos()),
                    millis(run.answerNanos() - run.firstNextNanos()), function.memorySizeMb());
            out.println(run.answer());
            return run.failed() ? 1 : 0;
        }
    }

    private static Template.Function find(Template template, String name) {
        return template.functions().stream()
                .filter(f -> f.logicalId().equals(name) || f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + name + " in the template (functions: "
                        + String.join(", ", template.functions().stream().map(Template.Function::logicalId).toList()) + ")"));
    }

    private static void copyLines(Process process, PrintStream err) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                err.println(line);
            }
        } catch (IOException ended) {
            // the process was ended
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
