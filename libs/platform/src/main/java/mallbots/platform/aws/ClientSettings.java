package mallbots.platform.aws;

import java.net.URI;
import java.util.Optional;
import mallbots.platform.config.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * What a function's environment says about reaching AWS: region, endpoints, credentials. Each
 * part is optional; an absent part is left to the SDK's default provider chains. Equal settings
 * share clients.
 *
 * <p>The endpoint variables are the SDK's own (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS); reading them from the map repeats what the SDK does with
 * the process environment, for functions whose environment is not the process's.
 */
record ClientSettings(
        String region,
        URI eventBridgeEndpoint,
        URI dynamoDbEndpoint,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken) {

    /** Nothing set: every part comes from the SDK's default chains. */
    static final ClientSettings SDK_DEFAULTS = new ClientSettings(null, null, null, null, null, null);

    static ClientSettings from(Environment env) {
        String region = env.get("AWS_REGION").or(() -> env.get("AWS_DEFAULT_REGION")).orElse(null);
        boolean ignoreEndpoints = env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
                .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
        URI eventBridge = ignoreEndpoints ? null : endpoint(env, "AWS_ENDPOINT_URL_EVENTBRIDGE").orElse(null);
        URI dynamoDb = ignoreEndpoints ? null : endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB").orElse(null);
        Optional<String> keyId = env.get("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.get("AWS_SECRET_ACCESS_KEY");
        boolean staticCredentials = keyId.isPresent() && secret.isPresent();
        return new ClientSettings(region, eventBridge, dynamoDb,
                staticCredentials ? keyId.get() : null,
                staticCredentials ? secret.get() : null,
                staticCredentials ? env.get("AWS_SESSION_TOKEN").orElse(null) : null);
    }

    /** The service's own variable wins over the global one, as in the SDK. */
    private static Optional<URI> endpoint(Environment env, String serviceVariable) {
        return env.get(serviceVariable).map(value -> parse(serviceVariable, value))
                .or(() -> env.get("AWS_ENDPOINT_URL").map(value -> parse("AWS_ENDPOINT_URL", value)));
    }

    private static URI parse(String variable, String value) {
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + variable + " is not a URL: " + value, e);
        }
    }

    /** The same settings with the credentials left to the SDK's chain. */
    ClientSettings withoutCredentials() {
        return new ClientSettings(region, eventBridgeEndpoint, dynamoDbEndpoint, null, null, null);
    }

    Optional<AwsCredentials> credentials() {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        return Optional.of(sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }

    @Override
    public String toString() {
        return "ClientSettings[region=" + region + ", eventBridgeEndpoint=" + eventBridgeEndpoint
                + ", dynamoDbEndpoint=" + dynamoDbEndpoint + ", accessKeyId=" + accessKeyId + "]";
    }
}
