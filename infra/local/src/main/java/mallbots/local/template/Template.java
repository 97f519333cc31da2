package mallbots.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local cloud builds from template.yaml, with every intrinsic resolved: names and ARNs
 * are the local ones. SAM's function event sources are already expanded into rules (Schedule,
 * EventBridgeRule), queue mappings (SQS) and routes (HttpApi), as SAM's transform does.
 */
public record Template(
        String region,
        Map<String, String> parameters,
        List<Bus> buses,
        List<Archive> archives,
        List<Queue> queues,
        List<Table> tables,
        List<Rule> rules,
        List<Function> functions,
        List<Route> routes,
        Cors cors,
        List<String> notes) {

    public record Bus(String logicalId, String name, String arn) {
    }

    public record Archive(String logicalId, String name, String sourceArn, String eventPatternJson, int retentionDays) {
    }

    public record Queue(String logicalId, String name, String arn, Map<String, String> attributes, Optional<Redrive> redrive) {
    }

    /** An SQS RedrivePolicy: after maxReceiveCount receives the message moves to the dead-letter queue. */
    public record Redrive(String deadLetterTargetArn, int maxReceiveCount) {
    }

    public record Table(String logicalId, String name, List<Attribute> attributes, List<Key> keySchema,
                        List<Index> globalSecondaryIndexes, String billingMode) {
    }

    public record Attribute(String name, String type) {
    }

    public record Key(String attributeName, String keyType) {
    }

    public record Index(String name, List<Key> keySchema, String projectionType, List<String> nonKeyAttributes) {
    }

    /** A rule with an event pattern or a schedule (never both), and its targets. */
    public record Rule(String logicalId, String name, String busName, Optional<String> eventPatternJson,
                       Optional<String> scheduleExpression, boolean enabled, List<Target> targets) {
    }

    public record Target(String id, String arn, Optional<Integer> maximumRetryAttempts,
                         Optional<Integer> maximumEventAgeInSeconds, Optional<String> deadLetterArn,
                         Optional<String> input) {
    }

    public record Function(String logicalId, String name, String arn, String handler, String codeUri,
                           int timeoutSeconds, int memorySizeMb, Map<String, String> environment,
                           List<QueueMapping> queueMappings) {
    }

    /**
     * A SAM SQS event: Lambda's event source mapping from a queue to the function.
     *
     * @param maximumConcurrency ScalingConfig.MaximumConcurrency, 0 when the template sets none
     */
    public record QueueMapping(String eventId, String queueArn, int batchSize, int maximumBatchingWindowSeconds,
                               boolean reportBatchItemFailures, boolean enabled, int maximumConcurrency) {
    }

    /**
     * A SAM HttpApi event: method ("ANY" for all) and path template ("/stores/{id}", "/{proxy+}").
     *
     * @param authorizer the JWT authorizer that guards it (empty: a public route)
     * @param scopes     the scopes of which a token must carry at least one (empty: any token)
     */
    public record Route(String method, String path, String apiLogicalId, String functionName,
                        Optional<JwtAuthorizer> authorizer, List<String> scopes) {

        /** A public route. */
        public Route(String method, String path, String apiLogicalId, String functionName) {
            this(method, path, apiLogicalId, functionName, Optional.empty(), List.of());
        }

        public String routeKey() {
            return method + " " + path;
        }
    }

    /**
     * An HTTP API's JWT authorizer (Auth.Authorizers.X with a JwtConfiguration).
     *
     * @param identityHeader the lower-case header its IdentitySource names ("authorization")
     * @param issuerIsLocal  whether the issuer is the local cloud itself (its issuer parameter was pointed at it)
     */
    public record JwtAuthorizer(String name, String issuer, List<String> audience, String identityHeader,
                                List<String> scopes, boolean issuerIsLocal) {
    }

    /** The HTTP API's CorsConfiguration, if any (empty lists otherwise). */
    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders) {

        public static final Cors NONE = new Cors(List.of(), List.of(), List.of());

        public boolean enabled() {
            return !allowOrigins.isEmpty();
        }
    }

    public Optional<Function> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<Queue> queueByArn(String arn) {
        return queues.stream().filter(q -> q.arn().equals(arn)).findFirst();
    }

    public Optional<Queue> queueByName(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
