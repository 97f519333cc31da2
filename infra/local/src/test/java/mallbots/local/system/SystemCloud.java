package mallbots.local.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mallbots.local.LocalCloud;
import mallbots.local.Options;
import mallbots.local.auth.TokenMinter;
import mallbots.local.console.FlowConsole;
import mallbots.local.http.RouteTable;
import mallbots.local.template.Template;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole system as `./mallbots up` runs it (the repository's template.yaml, every context),
 * on free ports. Tests drive it through the HTTP API and the AWS SDK only. One shared instance
 * per test JVM; a test that needs other settings starts its own.
 *
 * <p>Every call carries a bearer token signed by the cloud's own issuer, as a client of the
 * deployed API would: {@link #call(String, String, String)} takes the scope from the route the
 * template declares (none for a public route) and, for a customer's route, calls as the customer
 * whose things the request names (the customerId of the body or query, the customer of a basket,
 * payment, order or invoice created through this class, a new customer to register);
 * {@link #call(String, String, String, String)} sends the token given.
 */
final class SystemCloud implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SystemCloud shared;

    private final LocalCloud cloud;
    private final RouteTable routes;
    private final TokenMinter tokens;
    /** The customer of each basket (= order = invoice) and payment created through this class. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, String> tokenCache = new ConcurrentHashMap<>();

    private SystemCloud(LocalCloud cloud) {
        this.cloud = cloud;
        this.routes = new RouteTable(cloud.template().routes());
        this.tokens = new TokenMinter(cloud.issuer(), cloud.template());
    }

    /** A token of this subject with these scopes, from the cloud's own issuer. */
    String token(String subject, String... scopes) {
        return tokens.token(subject, List.of(scopes), Duration.ofHours(1));
    }

    TokenMinter tokens() {
        return tokens;
    }

    static synchronized SystemCloud shared() {
        if (shared == null) {
            shared = start(1);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "system-cloud-stop"));
        }
        return shared;
    }

    /**
     * A system of its own whose EventBridge delivers every event this many times to each target;
     * on the endpoint {@link SystemEndpoint#configured()} names, if any.
     */
    static SystemCloud start(int deliveriesPerEvent) {
        return start(deliveriesPerEvent, Map.of());
    }

    /** {@link #start(int)} with template parameters ({@code --param K=V}), e.g. short saga deadlines. */
    static SystemCloud start(int deliveriesPerEvent, Map<String, String> parameters) {
        return start(deliveriesPerEvent, parameters, SystemEndpoint.configured());
    }

    /** A system of its own on an external AWS-compatible endpoint (LocalStack, Floci). */
    static SystemCloud on(URI endpoint) {
        return start(1, Map.of(), Optional.of(endpoint));
    }

    private static SystemCloud start(int deliveriesPerEvent, Map<String, String> parameters, Optional<URI> endpoint) {
        String property = mallbots.emulators.eventbridge.EventBridgeSettings.DELIVERIES_PER_EVENT_PROPERTY;
        synchronized (SystemCloud.class) {
            System.setProperty(property, Integer.toString(deliveriesPerEvent));
            try {
                List<String> args = new ArrayList<>(List.of("up", "--port", "0", "--api-port", "0", "--console-port", "0",
                        "--template", RepositoryTemplate.TEMPLATE.toString(),
                        "--state-dir", Files.createTempDirectory("mallbots-system").toString()));
                parameters.forEach((name, value) -> args.addAll(List.of("--param", name + "=" + value)));
                endpoint.ifPresent(uri -> args.addAll(List.of("--endpoint", uri.toString())));
                return new SystemCloud(LocalCloud.start(Options.parse(args.toArray(String[]::new)),
                        new FlowConsole(System.out)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                System.clearProperty(property);
            }
        }
    }

    LocalCloud local() {
        return cloud;
    }

    @Override
    public void close() {
        cloud.close();
    }

    /** An HTTP answer: status and JSON body (null when empty). */
    record Answer(int status, JsonNode body) {

        String id() {
            return body.path("id").asText();
        }

        String message() {
            return body == null ? null : body.path("message").asText();
        }
    }

    /** With the token the route needs, as the customer the request is about (see the class comment). */
    Answer call(String method, String path, String jsonBody) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Template.Route route = routes.match(method, rawPath).map(RouteTable.Match::route).orElse(null);
        if (route == null || route.authorizer().isEmpty()) {
            return call(method, path, jsonBody, null);
        }
        String scope = route.scopes().isEmpty() ? null : route.scopes().getFirst();
        String subject = "mallbots/customer".equals(scope) ? customerOf(method, path, jsonBody) : scope + "-caller";
        if (!"mallbots/customer".equals(scope)) {
            subject = UUID.nameUUIDFromBytes(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        }
        String key = subject + " " + scope;
        String bearer = tokenCache.computeIfAbsent(key, k -> token(k.substring(0, k.indexOf(' ')),
                scope == null ? new String[0] : new String[] {scope}));
        Answer answer = call(method, path, jsonBody, bearer);
        if (method.equals("POST") && answer.status() == 201 && (rawPath.equals("/api/baskets") || rawPath.equals("/api/payments"))) {
            owners.put(answer.id(), subject);
        }
        return answer;
    }

    /** The customer a customer's request is about: named in it, owner of what its path names, or new. */
    private String customerOf(String method, String path, String jsonBody) {
        Matcher named = Pattern.compile("customerId\"?\\s*[=:]\\s*\"?([0-9a-fA-F-]{36})").matcher(
                path + " " + (jsonBody == null ? "" : jsonBody));
        if (named.find()) {
            return named.group(1);
        }
        Matcher customer = Pattern.compile("^/api/customers/([^/?]+)").matcher(path);
        if (customer.find()) {
            return customer.group(1);
        }
        Matcher owned = Pattern.compile("^/api/(?:baskets|ordering|payments(?:/invoices)?)/([^/?]+)").matcher(path);
        if (owned.find() && owners.containsKey(owned.group(1))) {
            return owners.get(owned.group(1));
        }
        return UUID.randomUUID().toString();
    }

    /** With this bearer token (none when null). */
    Answer call(String method, String path, String jsonBody, String bearer) {
        URI uri = cloud.httpApi().resolve(path);
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").method(method, body);
        if (bearer != null) {
            request.header("authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A queue that receives every event of the bus matching the pattern, through a rule of its
     * own: how a test watches the bus without touching any context's queue.
     */
    String watch(String name, String eventPatternJson) {
        LocalCloud local = cloud;
        String queueUrl = local.clients().sqs().createQueue(r -> r.queueName(name)).queueUrl();
        String queueArn = local.clients().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
        local.clients().events().putRule(r -> r.name(name).eventBusName("mallbots").eventPattern(eventPatternJson));
        local.clients().events().putTargets(r -> r.rule(name).eventBusName("mallbots")
                .targets(t -> t.id("watch").arn(queueArn)));
        return queueUrl;
    }

    /** Removes the rule of {@link #watch}: on the shared system, other tests count every rule target of an event. */
    void unwatch(String name) {
        cloud.clients().events().removeTargets(r -> r.rule(name).eventBusName("mallbots").ids("watch"));
        cloud.clients().events().deleteRule(r -> r.name(name).eventBusName("mallbots"));
    }

    List<JsonNode> receive(String queueUrl) {
        List<Message> messages = cloud.clients().sqs()
                .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        return messages.stream().map(message -> {
            try {
                return JSON.readTree(message.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
