package mallbots.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mallbots.emulators.faults.FaultPlan;

/**
 * The command line: {@code up}, {@code dlq}, {@code dlq redrive <queue>}, {@code invoke <Function>
 * [-e file]} (its words after the command stay in {@link #command()}), and their flags.
 *
 * @param endpoint an external AWS-compatible endpoint to use instead of starting ours
 * @param stateDir where the host keeps what outlives a run: the failure record of {@code ./mallbots dlq}
 * @param consolePort the web console's port (on 127.0.0.1; 0 picks a free one)
 * @param faults   faults the embedded endpoint injects once the cloud is up ({@code --faults seed=N,rate=R})
 */
public record Options(
        List<String> command,
        int port,
        int apiPort,
        Path template,
        Optional<Path> dataDir,
        Optional<URI> endpoint,
        String region,
        Map<String, String> parameters,
        Path stateDir,
        int consolePort,
        Optional<FaultPlan> faults) {

    public static final int DEFAULT_PORT = 4566;
    public static final int DEFAULT_API_PORT = 3000;
    public static final int DEFAULT_CONSOLE_PORT = 4568;

    public static final String USAGE = """
            usage: mallbots up   [--port 4566] [--api-port 3000] [--template template.yaml] [--data-dir DIR]
                                 [--endpoint URL] [--region us-east-1] [--param Name=Value ...] [--state-dir .mallbots]
                                 [--console-port 4568] [--faults seed=N,rate=R[,delay-ms=D]]
                   mallbots dlq  [--port 4566 | --endpoint URL] [--template template.yaml] [--state-dir .mallbots]
                   mallbots dlq redrive <queue> [same flags as dlq]
                   mallbots invoke <Function> [-e event.json | -e -] [--port 4566 | --endpoint URL] [--template template.yaml]
                   mallbots trace <orderId | correlationId | messageId> [--state-dir .mallbots] [--json]
                   mallbots replay --from 2026-12-02T14:00:00Z [--to TIME] [--rule RULE ...] [--archive NAME]
                                 [--port 4566 | --endpoint URL] [--template template.yaml]
            """;

    public static Options parse(String... args) {
        List<String> command = new ArrayList<>();
        int port = DEFAULT_PORT;
        int apiPort = DEFAULT_API_PORT;
        Path template = Path.of("template.yaml");
        Optional<Path> dataDir = Optional.empty();
        Optional<URI> endpoint = Optional.empty();
        String region = "us-east-1";
        Map<String, String> parameters = new LinkedHashMap<>();
        Path stateDir = Path.of(".mallbots");
        int consolePort = DEFAULT_CONSOLE_PORT;
        Optional<FaultPlan> faults = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            // --json, a switch of trace, is kept with the command's words
            if (!arg.startsWith("--") || arg.equals("--json")) {
                command.add(arg);
                continue;
            }
            // so are replay's flags, with their values
            if (ReplayCommand.FLAGS.contains(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)) {
                command.add(arg);
                if (!arg.contains("=") && i + 1 < args.length) {
                    command.add(args[++i]);
                }
                continue;
            }
            String flag = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            switch (flag) {
                case "--port" -> port = number(flag, value);
                case "--api-port" -> apiPort = number(flag, value);
                case "--template" -> template = Path.of(value);
                case "--data-dir" -> dataDir = Optional.of(Path.of(value));
                case "--endpoint" -> endpoint = Optional.of(URI.create(value));
                case "--region" -> region = value;
                case "--state-dir" -> stateDir = Path.of(value);
                case "--console-port" -> consolePort = number(flag, value);
                case "--faults" -> faults = Optional.of(FaultPlan.parse(value));

                case "--param" -> {
                    int at = value.indexOf('=');
                    if (at <= 0) {
                        throw new IllegalArgumentException("--param takes Name=Value, got " + value);
                    }
                    parameters.put(value.substring(0, at), value.substring(at + 1));
                }
                default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        return new Options(List.copyOf(command), port, apiPort, template, dataDir, endpoint, region,
                Map.copyOf(parameters), stateDir, consolePort, faults);
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a port number, got " + value);
        }
    }

    /** Where the AWS endpoint is (or will be): the external one, or ours on its port. */
    public URI awsEndpoint() {
        return endpoint.orElseGet(() -> URI.create("http://127.0.0.1:" + port));
    }
}
