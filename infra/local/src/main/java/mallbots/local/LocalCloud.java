package mallbots.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import mallbots.emulators.Ports;
import mallbots.emulators.UsageMeter;
import mallbots.emulators.faults.EndpointFaults;
import mallbots.emulators.faults.FaultInjector;
import mallbots.local.auth.LocalIssuer;
import mallbots.local.console.FlowConsole;
import mallbots.local.console.QueuesView;
import mallbots.local.console.WebConsole;
import mallbots.local.dlq.DeadLetterQueues;
import mallbots.local.dlq.FailureRecords;
import mallbots.local.dlq.Retries;
import mallbots.local.http.HttpApiServer;
import mallbots.local.lambda.FunctionHost;
import mallbots.local.lambda.SqsEventSourceMapping;
import mallbots.local.provision.ProvisioningClients;
import mallbots.local.provision.Provisioner;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;

/**
 * The whole system on one machine: reads the template, loads its functions, starts the AWS
 * endpoint (or uses an external one), provisions the template there, starts the event source
 * mappings and the HTTP API. Closing it stops all of it, child processes included.
 */
public final class LocalCloud implements AutoCloseable {

    private final Template template;
    private final AwsServices services;
    private final FunctionHost host;
    private final HttpApiServer httpApi;
    private final FailureRecords failures;
    private final UsageMeter usage;
    private final LocalIssuer issuer;
    private final Observability observability;
    private final WebConsole webConsole;

    private LocalCloud(LocalIssuer issuer, Template template, AwsServices services, FunctionHost host, HttpApiServer httpApi,
                       FailureRecords failures, UsageMeter usage, Observability observability, WebConsole webConsole) {
        this.webConsole = webConsole;
        this.issuer = issuer;
        this.usage = usage;
        this.observability = observability;
        this.template = template;
        this.services = services;
        this.host = host;
        this.httpApi = httpApi;
        this.failures = failures;
    }

    public static LocalCloud start(Options options, FlowConsole console) {
        int port = options.port() == 0 ? Ports.free() : options.port();
        int apiPort = options.apiPort() == 0 ? Ports.free() : options.apiPort();
        // A taken port is said before anything starts (another ./mallbots up, LocalStack, sam local).
        if (options.endpoint().isEmpty() && Ports.isOpen(port)) {
            throw new IllegalStateException("port " + port + " is taken: is another local cloud running? (--port)");
        }
        if (options.endpoint().isEmpty() && port == apiPort) {
            throw new IllegalStateException("--port and --api-port are both " + port);
        }
        if (Ports.isOpen(apiPort)) {
            throw new IllegalStateException("port " + apiPort + " is taken: cannot serve the HTTP API there (--api-port)");
        }
        int consolePort = options.consolePort();
        if (consolePort != 0 && (consolePort == apiPort || options.endpoint().isEmpty() && consolePort == port)) {
            throw new IllegalStateException("--console-port " + consolePort + " is also the endpoint's or the HTTP API's port");
        }
        if (consolePort != 0 && Ports.isOpen(consolePort)) {
            throw new IllegalStateException("port " + consolePort + " is taken: cannot serve the web console there (--console-port)");
        }
        URI endpoint = options.endpoint().orElseGet(() -> URI.create("http://127.0.0.1:" + port));
        URI api = URI.create("http://127.0.0.1:" + apiPort);
        // Everything that can be wrong in the template or the handlers fails before anything starts.
        Template template = TemplateReader.read(options.template(), options.parameters(),
                new TemplateReader.Site(options.region(), endpoint, api));
        // what AWS would bill: the endpoint counts its services' requests, the host Lambda's
        UsageMeter usage = new UsageMeter();
        FunctionHost host = FunctionHost.load(template, options.template().toAbsolutePath().getParent(), endpoint,
                console, usage);
        FailureRecords failures = new FailureRecords(options.stateDir().resolve("failures.tsv"));
        LocalIssuer issuer = LocalIssuer.inStateDir(options.stateDir());
        Observability observability = Observability.start(options.stateDir(), console);

        List<AutoCloseable> started = new ArrayList<>();
        try {
            AwsServices services = options.endpoint().isPresent()
                    ? new ExternalServices(endpoint, options.region(), console)
                    : EmbeddedServices.start(port, options.region(), options.dataDir().orElse(null), usage);
            started.add(services);
            console.info("MallBots local cloud");
            console.info("  AWS endpoint  " + services.endpoint() + "  (region " + options.region()
                    + ", any credentials; export AWS_ENDPOINT_URL=" + services.endpoint() + ")");
            console.info("  HTTP API      " + api);
            options.dataDir().ifPresent(dir -> console.info("  DynamoDB data " + dir.toAbsolutePath()));
            console.info("  failures of queue messages are recorded in " + failures.file() + " (read by ./mallbots dlq)");
            template.notes().forEach(note -> console.info("  note: " + note));
            services.connect(host, console);
            observability.serveOn(services);
            services.serve(Retries.PATH, new Retries(template, failures)::view);
            if (options.endpoint().isEmpty() && options.dataDir().isEmpty()) {
                failures.queuesStartEmpty(); // what was being retried in an earlier run is gone with its queues
            }
            Provisioner.Provisioned provisioned = new Provisioner(services.clients(), line -> console.info("  " + line))
                    .provision(template);
            started.add(host);
            host.startQueueMappings(template, provisioned.queueUrlsByArn(), services.clients().sqs(), failures);
            for (Template.Function function : template.functions()) {
                console.info("  function " + function.name() + "  " + function.handler() + describe(function));
            }
            HttpApiServer httpApi = HttpApiServer.start(apiPort, template.routes(), host::function, template.cors(), console, issuer);
            for (Template.Route route : template.routes()) {
                console.info("  route  " + (route.path().equals("$default") ? "$default" : route.routeKey())
                        + " -> " + route.functionName() + route.authorizer().map(a -> "  (" + a.name()
                        + (route.scopes().isEmpty() ? "" : ", " + String.join(" or ", route.scopes())) + ")").orElse("  (public)"));
            }
            started.add(httpApi);
            WebConsole webConsole = WebConsole.start(consolePort, observability.views(), new QueuesView(template,
                    services.clients(), new DeadLetterQueues(template, services.clients(), failures)));
            console.info("  web console   " + webConsole.uri());
            options.faults().ifPresent(plan -> {
                // armed last: provisioning is not faulted, the functions' traffic is
                FaultInjector faults = new FaultInjector(plan);
                services.injectFaults(faults);
                faults.arm();
                console.info("  faults        injecting " + plan + " (counts at " + services.endpoint()
                        + EndpointFaults.PATH + ")");
            });
            return new LocalCloud(issuer, template, services, host, httpApi, failures, usage, observability, webConsole);
        } catch (RuntimeException e) {
            closeAll(started);
            observability.close();
            throw e;
        }
    }

    private static String describe(Template.Function function) {
        StringBuilder text = new StringBuilder();
        for (Template.QueueMapping mapping : function.queueMappings()) {
            text.append("  <- queue ").append(mapping.queueArn().substring(mapping.queueArn().lastIndexOf(':') + 1))
                    .append(" (batch ").append(mapping.batchSize())
                    .append(mapping.maximumBatchingWindowSeconds() > 0 ? ", window " + mapping.maximumBatchingWindowSeconds() + " s" : "")
                    .append(", ").append(SqsEventSourceMapping.pollers(mapping)).append(" concurrent batches")
                    .append(mapping.reportBatchItemFailures() ? ", partial batch failures" : "")
                    .append(mapping.enabled() ? "" : ", disabled").append(")");
        }
        return text.toString();
    }

    public Template template() {
        return template;
    }

    public URI awsEndpoint() {
        return services.endpoint();
    }

    public URI httpApi() {
        return httpApi.uri();
    }

    /** The web console's address (127.0.0.1 and the port of {@code --console-port}). */
    public URI webConsole() {
        return webConsole.uri();
    }

    public ProvisioningClients clients() {
        return services.clients();
    }

    public FunctionHost host() {
        return host;
    }

    /**
     * The billable requests counted so far (served as JSON at {@link UsageMeter#PATH} of the
     * embedded endpoint; with {@code --endpoint} only Lambda's are counted).
     */
    public UsageMeter usage() {
        return usage;
    }

    /** The local issuer, whose tokens the template's authorizer accepts here (see {@link mallbots.local.auth.TokenMinter}). */
    public LocalIssuer issuer() {
        return issuer;
    }

    public FailureRecords failures() {
        return failures;
    }

    /** The functions' logs, the flow of every message, the metrics (see {@link Observability}). */
    public Observability observability() {
        return observability;
    }

    @Override
    public void close() {
        closeAll(List.of(observability, services, host, httpApi, webConsole));
    }

    private static void closeAll(List<AutoCloseable> resources) {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            long start = System.nanoTime();
            try {
                resource.close();
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (millis > 1000) {
                    System.err.println("stopping " + resource.getClass().getSimpleName() + " took " + millis + " ms");
                }
            } catch (Exception e) {
                System.err.println("stopping " + resource.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
