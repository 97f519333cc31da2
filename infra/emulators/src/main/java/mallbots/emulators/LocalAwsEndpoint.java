package mallbots.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import mallbots.emulators.eventbridge.DeliveryListener;
import mallbots.emulators.eventbridge.EventBridge;
import mallbots.emulators.eventbridge.EventBridgeHttpHandler;
import mallbots.emulators.eventbridge.EventBridgeSettings;
import mallbots.emulators.eventbridge.LambdaInvoker;
import mallbots.emulators.faults.EndpointFaults;
import mallbots.emulators.faults.FaultInjector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local cloud's one AWS endpoint (like LocalStack's :4566): EventBridge served in-process,
 * DynamoDB forwarded to dynalite, SQS forwarded to ElasticMQ, chosen by the request's
 * {@code X-Amz-Target} (or, for SQS's query protocol, by its {@code Action} parameter).
 */
public final class LocalAwsEndpoint implements AutoCloseable {

    public static final int DEFAULT_PORT = 4566;
    /** EventBridge's deliveries not done yet: on their way, or being retried (JSON). */
    public static final String DELIVERIES_PATH = "/_mallbots/eventbridge/deliveries";
    /** Events that matched no rule, counted per bus, source and detail-type (JSON). */
    public static final String UNMATCHED_PATH = "/_mallbots/eventbridge/unmatched";
    private static final Logger LOG = LoggerFactory.getLogger(LocalAwsEndpoint.class);
    private static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    private static final String SQS_PREFIX = "AmazonSQS.";

    private final HttpServer server;
    private final ExecutorService requests;
    private final URI uri;
    private final Dynalite dynalite;
    private final ElasticMq elasticMq;
    private final SqsClient sqs;
    private final EventBridge eventBridge;
    private final EventBridgeHttpHandler eventBridgeHandler;
    private final HttpForwarder forwarder = new HttpForwarder();
    private final UsageMeter usage;
    private final DynamoDbCapacity dynamoCapacity;
    private final ObjectMapper json = new ObjectMapper();
    /** Read-only JSON views of the local cloud under /_mallbots/ (logs, flow, metrics), by path. */
    private final Map<String, Function<String, String>> views = new ConcurrentHashMap<>();
    /** Faults to inject into DynamoDB and EventBridge requests (none unless {@link #injectFaults}). */
    private volatile EndpointFaults faults;

    private LocalAwsEndpoint(HttpServer server, ExecutorService requests, URI uri, Dynalite dynalite,
            ElasticMq elasticMq, SqsClient sqs, EventBridge eventBridge, UsageMeter usage) {
        this.server = server;
        this.requests = requests;
        this.uri = uri;
        this.dynalite = dynalite;
        this.elasticMq = elasticMq;
        this.sqs = sqs;
        this.eventBridge = eventBridge;
        this.usage = usage;
        this.dynamoCapacity = new DynamoDbCapacity(usage);
        this.eventBridgeHandler = new EventBridgeHttpHandler(eventBridge, this::countEventBridge);
        usage.dynamoProcess(() -> Optional.of(dynalite.process()));
    }

    /**
     * Starts the endpoint on 127.0.0.1:port (0 for a free port) with EventBridge's defaults.
     *
     * @param dynamoDataDir where dynalite keeps its tables; null keeps them in memory
     */
    public static LocalAwsEndpoint start(int port, String region, Path dynamoDataDir) {
        return start(port, dynamoDataDir, EventBridgeSettings.defaults(region));
    }

    /** Starts the endpoint with the given EventBridge settings (tests shorten retries, move the clock). */
    public static LocalAwsEndpoint start(int port, Path dynamoDataDir, EventBridgeSettings settings) {
        return start(port, dynamoDataDir, settings, new UsageMeter());
    }

    /** Starts the endpoint counting the billable requests in {@code usage} (the local cloud adds Lambda's). */
    public static LocalAwsEndpoint start(int port, Path dynamoDataDir, EventBridgeSettings settings,
            UsageMeter usage) {
        long started = System.nanoTime();
        if (dynamoDataDir != null) {
            // another local cloud on the directory holds dynalite's lock there: say so before dynalite and H2 fail
            DataDirLock.awaitFree(dynamoDataDir, Dynalite.LOCK_WAIT);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        // dynalite (a Node process), ElasticMQ and EventBridge with its SQS client start side by side:
        // start-up takes as long as the slowest of them (ElasticMQ, when the JVM is cold).
        int sqsPort = Ports.free();
        URI sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
        ExecutorService startup = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<Dynalite> dynalite = CompletableFuture.supplyAsync(
                () -> Dynalite.start(0, dynamoDataDir), startup);
        CompletableFuture<SqsClient> sqs = CompletableFuture.supplyAsync(
                () -> sqsClient(sqsEndpoint, settings.region(), usage), startup);
        CompletableFuture<EventBridge> eventBridge = sqs.thenApply(client -> new EventBridge(settings, client, dynamoDataDir));
        ElasticMq elasticMq = null;
        try (startup) {
            elasticMq = ElasticMq.start(sqsPort, uri, settings.region(), dynamoDataDir);
            CompletableFuture.allOf(dynalite, eventBridge).join();
        } catch (RuntimeException e) {
            dynalite.thenAccept(Dynalite::close);
            eventBridge.thenAccept(EventBridge::close);
            sqs.thenAccept(SqsClient::close);
            if (elasticMq != null) {
                elasticMq.close();
            }
            server.stop(0);
            throw e;
        }
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        LocalAwsEndpoint endpoint = new LocalAwsEndpoint(server, requests, uri, dynalite.join(), elasticMq,
                sqs.join(), eventBridge.join(), usage);
        server.createContext("/", endpoint::route);
        server.setExecutor(requests);
        endpoint.serve(DELIVERIES_PATH, query -> endpoint.eventBridge.deliveriesView().toString());
        endpoint.serve(UNMATCHED_PATH, query -> endpoint.eventBridge.unmatchedView().toString());
        server.start();
        LOG.info("AWS endpoint {} (EventBridge, SQS, DynamoDB) started in {} ms", uri,
                (System.nanoTime() - started) / 1_000_000);
        return endpoint;
    }

    /**
     * Runs the endpoint until the process is stopped: {@code [port [region [dynamoDataDir]]]},
     * by default 4566, us-east-1, in memory. For trying the AWS CLI against it by hand.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        String region = args.length > 1 ? args[1] : "us-east-1";
        Path dataDir = args.length > 2 ? Path.of(args[2]) : null;
        LocalAwsEndpoint endpoint = start(port, region, dataDir);
        endpoint.resumeDeliveries();
        Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close, "local-aws-endpoint-stop"));
        System.out.println("AWS endpoint listening on " + endpoint.uri() + " (EventBridge, SQS, DynamoDB)");
        Thread.currentThread().join();
    }

    /**
     * EventBridge's own client: its deliveries to queues are SQS requests too (SendMessage). Its
     * other calls (GetQueueUrl) are this emulator's business, which AWS does not bill.
     */
    private static SqsClient sqsClient(URI elasticMqEndpoint, String region, UsageMeter usage) {
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                if (operation.startsWith("SendMessage")) {
                    long bytes = context.httpRequest().firstMatchingHeader("Content-Length").map(Long::parseLong)
                            .orElse(0L);
                    usage.sqsRequest(operation, bytes, false);
                }
            }
        };
        return SqsClient.builder().endpointOverride(elasticMqEndpoint)
                .overrideConfiguration(c -> c.addExecutionInterceptor(counting))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public URI uri() {
        return uri;
    }

    public void setLambdaInvoker(LambdaInvoker invoker) {
        eventBridge.setLambdaInvoker(invoker);
    }

    /** Serves {@code GET path} with the JSON that {@code view} makes of the raw query string (or null). */
    public void serve(String path, Function<String, String> view) {
        views.put(path, view);
    }

    /** Injects the injector's faults into DynamoDB and EventBridge requests and deliveries from now on. */
    public void injectFaults(FaultInjector injector) {
        faults = new EndpointFaults(injector);
        eventBridge.injectFaults(injector);
        serve(EndpointFaults.PATH, query -> {
            try {
                return json.writeValueAsString(injector.snapshot());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public void addDeliveryListener(DeliveryListener listener) {
        eventBridge.addDeliveryListener(listener);
    }

    /**
     * Carries on with EventBridge's deliveries that a previous run on the same data directory
     * left unfinished (a crash, or a stop while retrying). Call it once the Lambda invoker and
     * the listeners are set, so that the first attempts reach their function and are seen;
     * returns how many there were.
     */
    public int resumeDeliveries() {
        return eventBridge.resumeDeliveries();
    }

    /** The embedded EventBridge, for callers that drive it without HTTP. */
    public EventBridge eventBridge() {
        return eventBridge;
    }

    /** What the endpoint (and whoever shares the meter) has counted. */
    public UsageMeter usage() {
        return usage;
    }

    /** dynalite's own endpoint, behind this one. */
    public URI dynamoDbEndpoint() {
        return dynalite.endpoint();
    }

    /** ElasticMQ's own endpoint, behind this one. */
    public URI sqsEndpoint() {
        return elasticMq.endpoint();
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        eventBridge.close();
        sqs.close();
        elasticMq.close();
        dynalite.close();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (faults != null && amzTarget != null && injectedFault(exchange, amzTarget, body)) {
                return;
            }
            if (amzTarget != null && amzTarget.startsWith(EventBridgeHttpHandler.TARGET_PREFIX)) {
                eventBridgeHandler.handle(exchange, amzTarget, body);
            } else if (amzTarget != null && amzTarget.startsWith(DYNAMODB_PREFIX)) {
                forwardToDynamoDb(exchange, amzTarget.substring(DYNAMODB_PREFIX.length()), body);
            } else if ((amzTarget != null && amzTarget.startsWith(SQS_PREFIX)) || isSqsQuery(exchange, body)) {
                String action = amzTarget != null ? amzTarget.substring(SQS_PREFIX.length()) : "query";
                forwarder.forward(exchange, body, elasticMq.endpoint(), (answer, status) -> usage.sqsRequest(action,
                        Math.max(body.length, answer.length), action.equals("ReceiveMessage") && !hasMessages(answer)));
            } else if (exchange.getRequestURI().getPath().equals(UsageMeter.PATH)
                    && exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 200, json.writeValueAsString(usage.snapshot(json)));
            } else if (views.containsKey(exchange.getRequestURI().getPath())
                    && exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 200, views.get(exchange.getRequestURI().getPath()).apply(exchange.getRequestURI().getRawQuery()));
            } else {
                unknown(exchange, amzTarget);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                respond(exchange, 502, "{\"__type\":\"InternalFailure\",\"message\":\"" + jsonText(String.valueOf(e)) + "\"}");
            } catch (IOException | RuntimeException alreadyAnswered) {
                exchange.close();
            }
        }
    }

    /** Asks the fault injector about a DynamoDB or EventBridge request; true when it answered it. */
    private boolean injectedFault(HttpExchange exchange, String amzTarget, byte[] body) throws IOException {
        if (amzTarget.startsWith(DYNAMODB_PREFIX)) {
            return faults.intercept(exchange, "dynamodb", amzTarget.substring(DYNAMODB_PREFIX.length()),
                    () -> quietly(() -> forwarder.forwardAndDiscard(exchange, body, dynalite.endpoint())));
        }
        if (amzTarget.startsWith(EventBridgeHttpHandler.TARGET_PREFIX)) {
            String operation = amzTarget.substring(EventBridgeHttpHandler.TARGET_PREFIX.length());
            return faults.intercept(exchange, "events", operation, () -> quietly(() -> {
                JsonNode request = json.readTree(body);
                countEventBridge(operation, request);
                eventBridge.call(operation, request);
            }));
        }
        return false;
    }

    private interface Work {
        void run() throws IOException;
    }

    /** A request applied for a fault whose answer is lost anyway: its failure is lost with it. */
    private static void quietly(Work work) {
        try {
            work.run();
        } catch (IOException | RuntimeException e) {
            LOG.debug("a request applied before its injected timeout failed", e);
        }
    }

    private void forwardToDynamoDb(HttpExchange exchange, String operation, byte[] body) throws IOException {
        if (!DynamoDbCapacity.metered(operation)) {
            forwarder.forward(exchange, body, dynalite.endpoint());
            return;
        }
        forwarder.forward(exchange, DynamoDbCapacity.askingForCapacity(body), dynalite.endpoint(),
                (answer, status) -> dynamoCapacity.record(operation, status, answer));
    }

    private static final byte[] MESSAGE_ID = "\"MessageId\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUERY_MESSAGE_ID = "<MessageId>".getBytes(StandardCharsets.US_ASCII);

    /** A ReceiveMessage answer (JSON or query protocol) that holds at least one message. */
    private static boolean hasMessages(byte[] answer) {
        return DynamoDbCapacity.indexOf(answer, MESSAGE_ID, 0) >= 0 || DynamoDbCapacity.indexOf(answer, QUERY_MESSAGE_ID, 0) >= 0;
    }

    /** PutEvents: each entry is billed per 64 KB chunk of its Source, DetailType, Detail, Resources and Time. */
    private void countEventBridge(String operation, JsonNode request) {
        if (!operation.equals("PutEvents")) {
            return;
        }
        usage.putEventsCall();
        for (JsonNode entry : request.path("Entries")) {
            long bytes = utf8(entry.path("Source")) + utf8(entry.path("DetailType")) + utf8(entry.path("Detail"))
                    + (entry.hasNonNull("Time") ? 14 : 0);
            for (JsonNode resource : entry.path("Resources")) {
                bytes += utf8(resource);
            }
            usage.putEventsEntry(bytes);
        }
    }

    private static long utf8(JsonNode text) {
        return text.isTextual() ? text.asText().getBytes(StandardCharsets.UTF_8).length : 0;
    }

    /** SQS's query protocol: Action=... in a form body or in the query string. */
    private static boolean isSqsQuery(HttpExchange exchange, byte[] body) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && hasAction(query)) {
            return true;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && hasAction(new String(body, StandardCharsets.UTF_8));
    }

    private static boolean hasAction(String form) {
        for (String pair : form.split("&")) {
            if (URLDecoder.decode(pair, StandardCharsets.UTF_8).startsWith("Action=")) {
                return true;
            }
        }
        return false;
    }

    private static void unknown(HttpExchange exchange, String amzTarget) throws IOException {
        String message = "This endpoint serves EventBridge (X-Amz-Target AWSEvents.*), DynamoDB (X-Amz-Target "
                + "DynamoDB_20120810.*) and SQS (X-Amz-Target AmazonSQS.* or a query request with Action=...); "
                + (amzTarget == null ? "this request has no X-Amz-Target" : "X-Amz-Target " + amzTarget + " is none of them");
        respond(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + jsonText(message) + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
