package mallbots.platform.aws;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import mallbots.platform.config.Environment;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The AWS SDK clients of a function, made once per container on first use and shared by every
 * invocation (SDK clients are thread-safe and expensive to build). They all use the
 * URLConnection HTTP client, the smallest one, so function jars carry neither Apache nor Netty.
 *
 * <p>{@link #system()} leaves region, credentials and endpoint to the SDK's default chains: on
 * Lambda that is the function's environment (and SnapStart's refreshed credentials); locally
 * the SDK itself honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt; (SDK 2.57 does so
 * natively, no opt-in needed). {@link #forEnvironment} does the same from an {@link Environment}
 * map, for the local cloud, which runs many functions, each with its own environment, in one JVM.
 */
public final class AwsClients {

    private static final Map<ClientSettings, AwsClients> BY_SETTINGS = new ConcurrentHashMap<>();

    private final ClientSettings settings;
    private final Lazy<SdkHttpClient> http;
    private final Lazy<EventBridgeClient> eventBridge;
    private final Lazy<DynamoDbClient> dynamoDb;

    private AwsClients(ClientSettings settings) {
        this.settings = settings;
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
        return builder;
    }

    @Override
    public String toString() {
        return "AwsClients[" + settings + "]";
    }

    /** Built on first use of {@link #system()}, by the JVM's class initialisation lock. */
    private static final class SystemHolder {
        static final AwsClients INSTANCE = new AwsClients(ClientSettings.SDK_DEFAULTS);
    }
}
