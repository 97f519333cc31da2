package mallbots.platform.aws;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import mallbots.platform.config.Environment;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

/**
 * The AWS SDK clients of a function, made once per container on first use and shared by every
 * invocation (SDK clients are thread-safe and expensive to build). They all use the
 * URLConnection HTTP client, the smallest one, so function jars carry neither Apache nor Netty.
 *
 * <p>{@link #system()} takes region and endpoint (AWS_REGION, AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt;) from the process's environment when it has them and gives them
 * to the builders explicitly, which spares the SDK's provider chains at the first request;
 * credentials come from the environment variables when Lambda sets them, else from the SDK's
 * default chain (SnapStart's container credentials, refreshed after a restore).
 * {@link #forEnvironment} does the same from an {@link Environment} map, for the local cloud,
 * which runs many functions, each with its own environment, in one JVM.
 */
public final class AwsClients {

    private static final Map<ClientSettings, AwsClients> BY_SETTINGS = new ConcurrentHashMap<>();

    private final ClientSettings settings;
    private final boolean processEnvironment;
    private final Lazy<SdkHttpClient> http;
    private final Lazy<EventBridgeClient> eventBridge;
    private final Lazy<DynamoDbClient> dynamoDb;

    private AwsClients(ClientSettings settings) {
        this(settings, false);
    }

    private AwsClients(ClientSettings settings, boolean processEnvironment) {
        this.settings = settings;
        this.processEnvironment = processEnvironment;
        this.http = new Lazy<>(() -> UrlConnectionHttpClient.builder().build());
        this.eventBridge = new Lazy<>(() ->
                configure(EventBridgeClient.builder(), settings.eventBridgeEndpoint()).build());
        this.dynamoDb = new Lazy<>(() ->
                configure(DynamoDbClient.builder(), settings.dynamoDbEndpoint()).build());
    }

    /** The clients of the process's own environment, as Lambda runs a function. */
    public static AwsClients system() {
        return SystemHolder.INSTANCE;
    }

    /**
     * The clients for a function's environment map: AWS_REGION, AWS_ENDPOINT_URL (or the
     * service's AWS_ENDPOINT_URL_&lt;SERVICE&gt;) and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
     * (with AWS_SESSION_TOKEN) are taken from the map when present, the rest from the SDK's
     * default chains. Functions with the same settings share one set of clients.
     */
    public static AwsClients forEnvironment(Environment env) {
        Objects.requireNonNull(env, "env");
        if (env.asMap().equals(System.getenv())) {
            // The process's own environment: the SDK's chains read it, and refresh credentials too.
            return system();
        }
        ClientSettings settings = ClientSettings.from(env);
        return settings.equals(ClientSettings.SDK_DEFAULTS) ? system()
                : BY_SETTINGS.computeIfAbsent(settings, AwsClients::new);
    }

    public EventBridgeClient eventBridge() {
        return eventBridge.get();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    /**
     * Sends each client's request path through once without changing anything, for SnapStart
     * priming: DescribeTable of the function's table, then GetItem of a key no item has (built
     * from the table's key schema), then PutEvents with no entry, which the bus refuses
     * (ValidationException) before publishing anything. Both are within the template's policies
     * (DynamoDBCrudPolicy, EventBridgePutEventsPolicy). Loads and links marshalling, signing,
     * the HTTP client, endpoint rules, retries and error unmarshalling.
     */
    public void prime(String tableName, String busName) {
        DynamoDbClient dynamo = dynamoDb();
        TableDescription table = dynamo.describeTable(request -> request.tableName(tableName)).table();
        Map<String, ScalarAttributeType> types = new HashMap<>();
        table.attributeDefinitions().forEach(definition ->
                types.put(definition.attributeName(), definition.attributeType()));
        Map<String, AttributeValue> key = new HashMap<>();
        for (KeySchemaElement element : table.keySchema()) {
            key.put(element.attributeName(), switch (types.get(element.attributeName())) {
                case N -> AttributeValue.fromN("0");
                case B -> AttributeValue.fromB(SdkBytes.fromUtf8String("priming"));
                default -> AttributeValue.fromS("priming#no-such-item");
            });
        }
        dynamo.getItem(request -> request.tableName(tableName).key(key));
        try {
            eventBridge().putEvents(request -> request.entries(List.of()));
            throw new IllegalStateException("the bus accepted a PutEvents with no entry: " + busName);
        } catch (EventBridgeException refused) {
            // expected: an empty PutEvents is invalid, so nothing is published
            if (refused.statusCode() != 400) {
                throw refused;
            }
        }
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, URI endpoint) {
        builder.httpClient(http.get());
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        settings.credentials().ifPresent(credentials ->
                builder.credentialsProvider(StaticCredentialsProvider.create(credentials)));
        if (processEnvironment && System.getenv("AWS_ACCESS_KEY_ID") != null) {
            // Lambda without SnapStart puts the role's credentials in the environment: read them
            // there (at each resolution) rather than walking the default chain at the first call.
            // With SnapStart they are absent and the default chain finds the container's.
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return builder;
    }

    @Override
    public String toString() {
        return "AwsClients[" + settings + "]";
    }

    /**
     * Built on first use of {@link #system()}, by the JVM's class initialisation lock. Region and
     * endpoint are read from the process's environment here and given to the builders, so that
     * the SDK does not walk its provider chains (system properties, profile files) at the first
     * request; credentials stay resolved per request (see {@link #configure}).
     */
    private static final class SystemHolder {
        static final AwsClients INSTANCE = new AwsClients(
                ClientSettings.from(Environment.system()).withoutCredentials(), true);
    }
}
