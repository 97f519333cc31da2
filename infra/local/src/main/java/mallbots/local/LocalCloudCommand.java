package mallbots.local;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import mallbots.local.console.FlowConsole;
import mallbots.local.dlq.DeadLetterQueues;
import mallbots.local.dlq.FailureRecords;
import mallbots.local.dlq.Retries;
import mallbots.local.lambda.HostException;
import mallbots.local.provision.ProvisioningClients;
import mallbots.local.runtime.Invoke;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateException;
import mallbots.local.template.TemplateReader;
import sun.misc.Signal;

/** {@code ./mallbots up | dlq | dlq redrive <queue> | token | invoke <Function> | trace <id> | replay}: the local cloud's command line. */
public final class LocalCloudCommand {

    private LocalCloudCommand() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime()
                - (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) * 1_000_000;
        // The console is ours; the emulators' libraries only speak up when something is wrong. (The
        // functions log through the log4j2 of their own jars, each in its class loader.)
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.mallbots", "info");
        }
        System.exit(run(started, System.out, System.err, args));
    }

    /** Runs a command; returns the process exit code (0 done, 1 failed, 2 bad usage). */
    static int run(long started, PrintStream out, PrintStream err, String... args) {
        if (args.length > 0 && args[0].equals("token")) {
            try {
                TokenCommand.print(out, args);
                return 0;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                err.println("mallbots: " + e.getMessage());
                return 1;
            }
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            switch (options.command().get(0)) {
                case "up" -> up(options, out, started);
                case "dlq" -> dlq(options, out);
                case "invoke" -> {
                    return Invoke.run(options, out, err);
                }
                case "trace" -> {
                    return TraceCommand.run(options, out, err);
                }
                case "replay" -> {
                    return ReplayCommand.run(options, out, err);
                }
                default -> {
                    err.println("unknown command " + options.command().get(0) + "\n" + Options.USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (TemplateException | HostException | IllegalArgumentException | IllegalStateException e) {
            err.println("mallbots: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("mallbots: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            err.println("mallbots: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static void up(Options options, PrintStream out, long started) {
        FlowConsole console = new FlowConsole(out);
        CountDownLatch stop = new CountDownLatch(1);
        // SIGINT (Ctrl-C) and SIGTERM end the wait below; everything is then closed in order.
        for (String signal : List.of("INT", "TERM")) {
            Signal.handle(new Signal(signal), s -> stop.countDown());
        }
        LocalCloud cloud = LocalCloud.start(options, console);
        Thread safetyNet = new Thread(cloud::close, "local-cloud-stop");
        Runtime.getRuntime().addShutdownHook(safetyNet);
        console.info("ready in " + (System.nanoTime() - started) / 1_000_000 + " ms (AWS endpoint " + cloud.awsEndpoint()
                + ", HTTP API " + cloud.httpApi() + ", web console " + cloud.webConsole() + "); Ctrl-C stops");
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        console.info("stopping");
        Runtime.getRuntime().removeShutdownHook(safetyNet);
        cloud.close();
        console.info("stopped");
    }

    private static void dlq(Options options, PrintStream out) {
        URI endpoint = options.awsEndpoint();
        Template template = TemplateReader.read(options.template(), options.parameters(),
                new TemplateReader.Site(options.region(), endpoint, URI.create("http://127.0.0.1:" + options.apiPort())));
        try (ProvisioningClients aws = ProvisioningClients.of(endpoint, options.region())) {
            FailureRecords failures = new FailureRecords(options.stateDir().resolve("failures.tsv"));
            DeadLetterQueues dlqs = new DeadLetterQueues(template, aws, failures);
            List<String> command = options.command();
            if (command.size() == 3 && command.get(1).equals("redrive")) {
                int moved = dlqs.redrive(command.get(2));
                out.println("moved " + moved + " message" + (moved == 1 ? "" : "s") + " out of " + command.get(2));
                return;
            }
            if (command.size() != 1) {
                throw new IllegalArgumentException(Options.USAGE);
            }
            List<DeadLetterQueues.Listing> listings = dlqs.list();
            printListing(listings, out);
            new Retries(template, failures).print(listings.stream().flatMap(l -> l.messages().stream())
                    .map(DeadLetterQueues.DeadLetter::messageId).collect(java.util.stream.Collectors.toSet()), endpoint, out);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IllegalStateException("cannot reach " + endpoint + " (is ./mallbots up running?): " + e.getMessage(), e);
        }
    }

    private static void printListing(List<DeadLetterQueues.Listing> listings, PrintStream out) {
        if (listings.isEmpty()) {
            out.println("the template declares no dead-letter queue");
        }
        for (DeadLetterQueues.Listing listing : listings) {
            out.println(listing.queue().name() + "  depth " + listing.depth() + "  ("
                    + String.join("; ", listing.sources().stream().map(DeadLetterQueues.Source::description).toList()) + ")");
            for (DeadLetterQueues.DeadLetter message : listing.messages()) {
                out.println("  " + message.messageId() + "  " + message.reason());
                String body = message.body().length() > 160 ? message.body().substring(0, 160) + "..." : message.body();
                out.println("      " + body);
            }
        }
    }
}
