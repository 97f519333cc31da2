package mallbots.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mallbots.local.template.Template.Archive;
import mallbots.local.template.Template.Attribute;
import mallbots.local.template.Template.Bus;
import mallbots.local.template.Template.Cors;
import mallbots.local.template.Template.Function;
import mallbots.local.template.Template.Index;
import mallbots.local.template.Template.JwtAuthorizer;
import mallbots.local.template.Template.Key;
import mallbots.local.template.Template.Queue;
import mallbots.local.template.Template.QueueMapping;
import mallbots.local.template.Template.Redrive;
import mallbots.local.template.Template.Route;
import mallbots.local.template.Template.Rule;
import mallbots.local.template.Template.Table;
import mallbots.local.template.Template.Target;

/**
 * Turns template.yaml into a {@link Template}: parameters (defaults, overrides, allowed values),
 * Globals, pseudo parameters, intrinsics, the resource types the MallBots template uses, and
 * SAM's function events expanded the way SAM's transform does. Anything it does not understand
 * is a {@link TemplateException} naming the resource and the property; nothing is silently skipped.
 */
public final class TemplateReader {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "mallbots";
    /** The implicit API SAM creates for HttpApi events that name no ApiId. */
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /** Where the template's resources live: the region, the AWS endpoint, the HTTP API address. */
    public record Site(String region, URI awsEndpoint, URI httpApi) {
    }

    private static final Set<String> TOP_LEVEL = Set.of("AWSTemplateFormatVersion", "Transform", "Description",
            "Metadata", "Parameters", "Mappings", "Globals", "Resources", "Outputs");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "DeletionPolicy",
            "UpdateReplacePolicy", "Metadata");
    private static final Set<String> PARAMETER_KEYS = Set.of("Type", "Default", "Description", "AllowedValues",
            "AllowedPattern", "MinValue", "MaxValue", "MinLength", "MaxLength", "ConstraintDescription", "NoEcho");
    private static final Set<String> FUNCTION_SETTINGS = Set.of("Runtime", "Architectures", "MemorySize", "Timeout",
            "Environment", "AutoPublishAlias", "SnapStart", "LoggingConfig", "Handler", "CodeUri", "Tracing", "Tags",
            "PermissionsBoundary");
    private static final Set<String> FUNCTION_PROPERTIES = union(FUNCTION_SETTINGS,
            Set.of("Events", "Policies", "FunctionName", "Description", "ReservedConcurrentExecutions"));
    private static final Set<String> ACCEPTED_ONLY = Set.of("AWS::SQS::QueuePolicy", "AWS::Lambda::Permission",
            "AWS::CloudWatch::Alarm", "AWS::SNS::Topic", "AWS::Logs::LogGroup", "AWS::IAM::ManagedPolicy");
    private static final Set<String> SUPPORTED_TYPES = union(ACCEPTED_ONLY, Set.of("AWS::Events::EventBus",
            "AWS::Events::Archive", "AWS::Events::Rule", "AWS::SQS::Queue", "AWS::DynamoDB::Table",
            "AWS::Serverless::Function", "AWS::Serverless::HttpApi"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Site site;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, Map<?, ?>> definitions = new LinkedHashMap<>();
    private final Map<String, String> physicalNames = new HashMap<>();
    private final Map<String, Object> mappings = new LinkedHashMap<>();
    private final Set<String> naming = new HashSet<>();
    private final Intrinsics intrinsics = new Intrinsics(new LocalNames());
    private final List<String> notes = new ArrayList<>();

    private final List<Bus> buses = new ArrayList<>();
    private final List<Archive> archives = new ArrayList<>();
    private final List<Queue> queues = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private Map<?, ?> functionGlobals = Map.of();
    private int logGroups;
    private Cors cors = Cors.NONE;
    /** The JWT authorizers of each HTTP API, and its DefaultAuthorizer (read before the routes). */
    private final Map<String, Map<String, JwtAuthorizer>> authorizers = new HashMap<>();
    private final Map<String, String> defaultAuthorizers = new HashMap<>();
    /** Parameters that an authorizer's issuer refers to: the local cloud is their issuer unless overridden. */
    private final Set<String> issuerParameters = new HashSet<>();

    private TemplateReader(Site site) {
        this.site = site;
    }

    public static Template read(Path file, Map<String, String> parameterOverrides, Site site) {
        return read(CloudFormationYaml.read(file), parameterOverrides, site);
    }

    /** The document as written: its Fn::ForEach loops are expanded first ({@link LanguageExtensions}). */
    public static Template read(Map<String, Object> document, Map<String, String> parameterOverrides, Site site) {
        return new TemplateReader(site).build(LanguageExtensions.expand(document), parameterOverrides);
    }

    private Template build(Map<String, Object> document, Map<String, String> overrides) {
        for (String key : document.keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                throw TemplateException.at(key, "template section not supported by the local cloud (supported: "
                        + TOP_LEVEL.stream().sorted().toList() + ")");
            }
        }
        map(document.get("Mappings"), "Mappings").forEach((name, mapping) -> mappings.put(String.valueOf(name), mapping));
        issuerParameters.addAll(issuerParameters(map(document.get("Resources"), "Resources")));
        readParameters(map(document.get("Parameters"), "Parameters"), overrides);
        readResourceTypes(map(document.get("Resources"), "Resources"));
        readGlobals(map(document.get("Globals"), "Globals"));
        // the APIs first: their authorizers guard the routes that the functions' events declare
        definitions.forEach((id, definition) -> {
            if (types.get(id).equals("AWS::Serverless::HttpApi")) {
                readHttpApi(id, definition.get("Properties"), "Resources." + id + ".Properties");
            }
        });
        definitions.forEach((id, definition) -> {
            String where = "Resources." + id + ".Properties";
            switch (types.get(id)) {
                case "AWS::Events::EventBus" -> readBus(id, definition.get("Properties"), where);
                case "AWS::Events::Archive" -> readArchive(id, definition.get("Properties"), where);
                case "AWS::Events::Rule" -> readRule(id, definition.get("Properties"), where);
                case "AWS::SQS::Queue" -> readQueue(id, definition.get("Properties"), where);
                case "AWS::DynamoDB::Table" -> readTable(id, definition.get("Properties"), where);
                case "AWS::Serverless::Function" -> readFunction(id, definition.get("Properties"), where);
                case "AWS::Serverless::HttpApi" -> { } // read above
                case "AWS::SQS::QueuePolicy" -> notes.add(id + " (AWS::SQS::QueuePolicy): accepted; queue policies are not enforced locally");
                case "AWS::Lambda::Permission" -> notes.add(id + " (AWS::Lambda::Permission): accepted; every local target may invoke every function");
                case "AWS::CloudWatch::Alarm" -> notes.add(id + " (AWS::CloudWatch::Alarm): skipped; no CloudWatch locally (use ./mallbots dlq)");
                case "AWS::SNS::Topic" -> notes.add(id + " (AWS::SNS::Topic): skipped; no SNS locally");
                case "AWS::Logs::LogGroup" -> logGroups++;
                case "AWS::IAM::ManagedPolicy" -> notes.add(id + " (AWS::IAM::ManagedPolicy): skipped; no IAM locally");
                default -> throw new IllegalStateException("unreachable: " + types.get(id));
            }
        });
        checkReferences();
        if (logGroups > 0) {
            notes.add(logGroups + " log groups (AWS::Logs::LogGroup): skipped; what a function logs goes to the console");
        }
        return new Template(site.region(), Map.copyOf(parameters), List.copyOf(buses), List.copyOf(archives),
                List.copyOf(queues), List.copyOf(tables), List.copyOf(rules), List.copyOf(functions),
                List.copyOf(routes), cors, List.copyOf(notes));
    }

    // ---------------------------------------------------------------- parameters and globals

    private void readParameters(Map<?, ?> declared, Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (!declared.containsKey(name)) {
                throw TemplateException.at("Parameters." + name, "no such parameter (overridden on the command line)");
            }
        }
        declared.forEach((name, definition) -> {
            String where = "Parameters." + name;
            Props props = Props.of(definition, where, PARAMETER_KEYS);
            String value = Optional.ofNullable(overrides.get(String.valueOf(name)))
                    .or(() -> issuerParameters.contains(String.valueOf(name))
                            ? Optional.of(localIssuer()) : Optional.empty())
                    .or(() -> props.string("Default"))
                    .orElseThrow(() -> TemplateException.at(where, "no Default and no override given"));
            List<String> allowed = props.strings("AllowedValues");
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                throw TemplateException.at(where, "value " + value + " is not one of " + allowed);
            }
            if (props.string("Type").orElse("String").equals("Number")) {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw TemplateException.at(where, "value " + value + " is not a Number");
                }
            }
            parameters.put(String.valueOf(name), value);
        });
    }

    private void readResourceTypes(Map<?, ?> resources) {
        resources.forEach((id, definition) -> {
            String where = "Resources." + id;
            Map<?, ?> resource = map(definition, where);
            for (Object key : resource.keySet()) {
                if (!RESOURCE_KEYS.contains(String.valueOf(key))) {
                    throw TemplateException.at(where + "." + key, "resource attribute not supported by the local cloud");
                }
            }
            Object type = resource.get("Type");
            if (!(type instanceof String typeName)) {
                throw TemplateException.at(where + ".Type", "missing resource type");
            }
            if (!SUPPORTED_TYPES.contains(typeName)) {
                throw TemplateException.at(where + ".Type", "unknown resource type " + typeName
                        + " (the local cloud supports " + SUPPORTED_TYPES.stream().sorted().toList() + ")");
            }
            types.put(String.valueOf(id), typeName);
            definitions.put(String.valueOf(id), resource);
        });
    }

    private void readGlobals(Map<?, ?> globals) {
        Props props = Props.of(globals, "Globals", Set.of("Function", "HttpApi"));
        Props.of(props.raw("Function").orElse(null), "Globals.Function", FUNCTION_SETTINGS);
        functionGlobals = map(globals.get("Function"), "Globals.Function");
        Props httpApi = props.child("HttpApi", Set.of("CorsConfiguration"));
        httpApi.raw("CorsConfiguration").ifPresent(value -> cors = readCors(resolve(value, "Globals.HttpApi.CorsConfiguration"),
                "Globals.HttpApi.CorsConfiguration"));
    }

    private Cors readCors(Object value, String where) {
        Props props = Props.of(value, where, Set.of("AllowOrigins", "AllowMethods", "AllowHeaders",
                "ExposeHeaders", "MaxAge", "AllowCredentials"));
        // a CommaDelimitedList parameter arrives as one "a,b" string
        List<String> origins = props.strings("AllowOrigins").stream()
                .flatMap(origin -> java.util.Arrays.stream(origin.split(","))).map(String::strip).toList();
        return new Cors(origins, props.strings("AllowMethods"), props.strings("AllowHeaders"));
    }

    // ---------------------------------------------------------------- resources

    private void readBus(String id, Object properties, String where) {
        Props props = Props.of(resolve(properties, where), where, Set.of("Name", "Description", "Tags",
                "DeadLetterConfig", "KmsKeyIdentifier"));
        String name = props.requireString("Name");
        buses.add(new Bus(id, name, busArn(name)));
    }

    private void readArchive(String id, Object properties, String where) {
        Props props = Props.of(resolve(properties, where), where, Set.of("ArchiveName", "SourceArn",
                "EventPattern", "RetentionDays", "Description"));
        String pattern = props.raw("EventPattern").map(p -> patternJson(p, props.where("EventPattern"))).orElse("");
        archives.add(new Archive(id, name(id), props.requireString("SourceArn"), pattern, props.integer("RetentionDays").orElse(0)));
    }

    private void readQueue(String id, Object properties, String where) {
        Props props = Props.of(resolve(properties, where), where, Set.of("QueueName", "VisibilityTimeout",
                "MessageRetentionPeriod", "DelaySeconds", "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds",
                "RedrivePolicy", "RedriveAllowPolicy", "SqsManagedSseEnabled", "Tags"));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds")) {
            props.integer(attribute).ifPresent(v -> attributes.put(attribute, Integer.toString(v)));
        }
        Optional<Redrive> redrive = Optional.empty();
        if (props.has("RedrivePolicy")) {
            Props policy = props.child("RedrivePolicy", Set.of("deadLetterTargetArn", "maxReceiveCount"));
            redrive = Optional.of(new Redrive(policy.requireString("deadLetterTargetArn"),
                    policy.integer("maxReceiveCount").orElseThrow(() ->
                            TemplateException.at(policy.where("maxReceiveCount"), "required property is missing"))));
        }
        String name = name(id);
        queues.add(new Queue(id, name, queueArn(name), Map.copyOf(attributes), redrive));
    }

    private void readTable(String id, Object properties, String where) {
        Props props = Props.of(resolve(properties, where), where, Set.of("TableName", "AttributeDefinitions",
                "KeySchema", "GlobalSecondaryIndexes", "BillingMode", "ProvisionedThroughput",
                "TimeToLiveSpecification", "PointInTimeRecoverySpecification", "SSESpecification",
                "DeletionProtectionEnabled", "Tags"));
        List<Attribute> attributes = new ArrayList<>();
        List<?> definitionsList = props.list("AttributeDefinitions");
        for (int i = 0; i < definitionsList.size(); i++) {
            Props attribute = Props.of(definitionsList.get(i), props.where("AttributeDefinitions") + "[" + i + "]",
                    Set.of("AttributeName", "AttributeType"));
            attributes.add(new Attribute(attribute.requireString("AttributeName"), attribute.requireString("AttributeType")));
        }
        List<Index> indexes = new ArrayList<>();
        List<?> gsis = props.list("GlobalSecondaryIndexes");
        for (int i = 0; i < gsis.size(); i++) {
            String at = props.where("GlobalSecondaryIndexes") + "[" + i + "]";
            Props gsi = Props.of(gsis.get(i), at, Set.of("IndexName", "KeySchema", "Projection", "ProvisionedThroughput"));
            Props projection = gsi.child("Projection", Set.of("ProjectionType", "NonKeyAttributes"));
            indexes.add(new Index(gsi.requireString("IndexName"), keys(gsi, "KeySchema"),
                    projection.string("ProjectionType").orElse("ALL"), projection.strings("NonKeyAttributes")));
        }
        if (props.has("TimeToLiveSpecification")) {
            notes.add(id + ".TimeToLiveSpecification: accepted; dynalite does not expire items (nothing may depend on TTL)");
        }
        String billing = props.string("BillingMode").orElse("PROVISIONED");
        tables.add(new Table(id, name(id), List.copyOf(attributes), keys(props, "KeySchema"), List.copyOf(indexes), billing));
    }

    private static List<Key> keys(Props props, String key) {
        List<?> schema = props.list(key);
        if (schema.isEmpty()) {
            throw TemplateException.at(props.where(key), "required property is missing");
        }
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Props element = Props.of(schema.get(i), props.where(key) + "[" + i + "]", Set.of("AttributeName", "KeyType"));
            keys.add(new Key(element.requireString("AttributeName"), element.requireString("KeyType")));
        }
        return List.copyOf(keys);
    }

    private void readRule(String id, Object properties, String where) {
        Props props = Props.of(resolve(properties, where), where, Set.of("Name", "Description", "EventBusName",
                "EventPattern", "ScheduleExpression", "State", "Targets", "RoleArn"));
        Optional<String> pattern = props.raw("EventPattern").map(p -> patternJson(p, props.where("EventPattern")));
        Optional<String> schedule = props.string("ScheduleExpression");
        if (pattern.isEmpty() == schedule.isEmpty()) {
            throw TemplateException.at(where, "a rule needs exactly one of EventPattern and ScheduleExpression");
        }
        String busName = props.string("EventBusName").map(TemplateReader::busNameOf).orElse("default");
        if (schedule.isPresent() && !busName.equals("default")) {
            throw TemplateException.at(props.where("EventBusName"), "scheduled rules live on the default bus");
        }
        boolean enabled = !props.string("State").orElse("ENABLED").equals("DISABLED");
        List<Target> targets = new ArrayList<>();
        List<?> declared = props.list("Targets");
        for (int i = 0; i < declared.size(); i++) {
            targets.add(readTarget(declared.get(i), props.where("Targets") + "[" + i + "]"));
        }
        rules.add(new Rule(id, name(id), busName, pattern, schedule, enabled, List.copyOf(targets)));
    }

    private static Target readTarget(Object value, String where) {
        Props target = Props.of(value, where, Set.of("Arn", "Id", "RetryPolicy", "DeadLetterConfig", "Input", "RoleArn"));
        Props retry = target.child("RetryPolicy", Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds"));
        Props deadLetter = target.child("DeadLetterConfig", Set.of("Arn"));
        return new Target(target.requireString("Id"), target.requireString("Arn"),
                retry.integer("MaximumRetryAttempts"), retry.integer("MaximumEventAgeInSeconds"),
                deadLetter.string("Arn"), target.string("Input"));
    }

    private void readHttpApi(String id, Object properties, String where) {
        Props props = Props.of(resolve(properties, where), where, Set.of("StageName", "CorsConfiguration",
                "Description", "Tags", "FailOnWarnings", "Auth", "DefaultRouteSettings", "AccessLogSettings"));
        readAuth(id, props.child("Auth", Set.of("Authorizers", "DefaultAuthorizer", "EnableIamAuthorizer")));
        String stage = props.string("StageName").orElse("$default");
        if (!stage.equals("$default")) {
            notes.add(id + ".StageName " + stage + ": the local HTTP API serves the $default stage at its root");
        }
        props.raw("CorsConfiguration").ifPresent(value -> cors = readCors(value, props.where("CorsConfiguration")));
    }

    /** The issuer of the local cloud's own tokens: its HTTP API (./mallbots token signs them). */
    private String localIssuer() {
        String url = site.httpApi().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Names of the parameters that an HTTP API's JWT authorizer takes its issuer from ({@code issuer: !Ref P}). */
    private static Set<String> issuerParameters(Map<?, ?> resources) {
        Set<String> names = new HashSet<>();
        resources.values().forEach(resource -> {
            if (resource instanceof Map<?, ?> r && "AWS::Serverless::HttpApi".equals(r.get("Type"))
                    && r.get("Properties") instanceof Map<?, ?> p && p.get("Auth") instanceof Map<?, ?> auth
                    && auth.get("Authorizers") instanceof Map<?, ?> all) {
                all.values().forEach(authorizer -> {
                    if (authorizer instanceof Map<?, ?> a && a.get("JwtConfiguration") instanceof Map<?, ?> jwt
                            && jwt.get("issuer") instanceof Map<?, ?> issuer && issuer.size() == 1
                            && issuer.get("Ref") instanceof String parameter) {
                        names.add(parameter);
                    }
                });
            }
        });
        return names;
    }

    private void readAuth(String api, Props auth) {
        Map<String, JwtAuthorizer> byName = new LinkedHashMap<>();
        auth.map("Authorizers").forEach((name, definition) -> {
            String where = auth.where("Authorizers") + "." + name;
            Props props = Props.of(definition, where, Set.of("JwtConfiguration", "IdentitySource", "AuthorizationScopes",
                    "FunctionArn", "FunctionInvokeRole", "EnableSimpleResponses", "AuthorizerPayloadFormatVersion",
                    "Identity", "EnableFunctionDefaultPermissions"));
            if (!props.has("JwtConfiguration")) {
                throw TemplateException.at(where, "only JWT authorizers are enforced locally");
            }
            Props jwt = props.child("JwtConfiguration", Set.of("issuer", "audience"));
            String identity = props.string("IdentitySource").orElse("$request.header.Authorization");
            if (!identity.startsWith("$request.header.")) {
                throw TemplateException.at(props.where("IdentitySource"), "only a header is supported locally: " + identity);
            }
            String issuer = jwt.requireString("issuer");
            boolean local = issuer.equals(localIssuer());
            byName.put(String.valueOf(name), new JwtAuthorizer(String.valueOf(name), issuer, jwt.strings("audience"),
                    identity.substring("$request.header.".length()).toLowerCase(java.util.Locale.ROOT),
                    props.strings("AuthorizationScopes"), local));
            notes.add(api + " authorizer " + name + ": JWT of " + issuer + (local ? " (this local cloud: ./mallbots token)" : "")
                    + " for " + jwt.strings("audience"));
        });
        authorizers.put(api, byName);
        auth.string("DefaultAuthorizer").ifPresent(name -> {
            if (!byName.containsKey(name)) {
                throw TemplateException.at(auth.where("DefaultAuthorizer"), "no authorizer " + name + " in Authorizers");
            }
            defaultAuthorizers.put(api, name);
        });
    }

    /** SAM's route Auth: Authorizer NONE is public, a name or the API's DefaultAuthorizer guards it. */
    private Route route(String method, String path, String api, String functionName, Props auth) {
        String name = auth.string("Authorizer").orElse(defaultAuthorizers.get(api));
        if (name == null || name.equals("NONE")) {
            return new Route(method, path, api, functionName);
        }
        JwtAuthorizer authorizer = authorizers.getOrDefault(api, Map.of()).get(name);
        if (authorizer == null) {
            throw TemplateException.at(auth.where("Authorizer"), "no authorizer " + name + " on " + api);
        }
        List<String> scopes = auth.has("AuthorizationScopes") ? auth.strings("AuthorizationScopes") : authorizer.scopes();
        return new Route(method, path, api, functionName, Optional.of(authorizer), scopes);
    }

    private void readFunction(String id, Object properties, String where) {
        Map<String, Object> merged = new LinkedHashMap<>();
        functionGlobals.forEach((k, v) -> merged.put(String.valueOf(k), v));
        Map<?, ?> own = map(properties, where);
        own.forEach((k, v) -> merged.put(String.valueOf(k), v));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.putAll(variables(functionGlobals.get("Environment"), "Globals.Function.Environment"));
        environment.putAll(variables(own.get("Environment"), where + ".Environment"));
        merged.remove("Environment");
        merged.remove("Events");
        merged.remove("Policies");
        Props props = Props.of(resolve(merged, where), where, FUNCTION_PROPERTIES);
        String runtime = props.string("Runtime").orElseThrow(() -> TemplateException.at(props.where("Runtime"), "required property is missing"));
        if (!runtime.startsWith("java")) {
            throw TemplateException.at(props.where("Runtime"), runtime + ": the local cloud hosts Java functions only");
        }
        String name = name(id);
        List<QueueMapping> mappings = new ArrayList<>();
        map(own.get("Events"), where + ".Events").forEach((eventId, event) ->
                readFunctionEvent(id, name, String.valueOf(eventId), event, where + ".Events." + eventId, mappings));
        functions.add(new Function(id, name, functionArn(name), props.requireString("Handler"),
                props.string("CodeUri").orElse(""), props.integer("Timeout").orElse(3),
                props.integer("MemorySize").orElse(128), Map.copyOf(environment), List.copyOf(mappings)));
    }

    private Map<String, String> variables(Object environment, String where) {
        Props props = Props.of(environment, where, Set.of("Variables"));
        Map<String, String> variables = new LinkedHashMap<>();
        Object resolved = resolve(props.map("Variables"), where + ".Variables");
        ((Map<?, ?>) resolved).forEach((k, v) ->
                variables.put(String.valueOf(k), Intrinsics.scalar(v, where + ".Variables." + k, "an environment variable")));
        return variables;
    }

    private void readFunctionEvent(String functionId, String functionName, String eventId, Object event, String where,
                                   List<QueueMapping> mappings) {
        Props outer = Props.of(event, where, Set.of("Type", "Properties"));
        String type = outer.requireString("Type");
        String at = where + ".Properties";
        Object properties = resolve(outer.raw("Properties").orElse(null), at);
        switch (type) {
            case "SQS" -> {
                Props props = Props.of(properties, at, Set.of("Queue", "BatchSize", "MaximumBatchingWindowInSeconds",
                        "FunctionResponseTypes", "Enabled", "ScalingConfig"));
                mappings.add(new QueueMapping(eventId, props.requireString("Queue"), props.integer("BatchSize").orElse(10),
                        props.integer("MaximumBatchingWindowInSeconds").orElse(0),
                        props.strings("FunctionResponseTypes").contains("ReportBatchItemFailures"),
                        props.bool("Enabled").orElse(true),
                        props.child("ScalingConfig", Set.of("MaximumConcurrency")).integer("MaximumConcurrency").orElse(0)));
            }
            case "Schedule" -> {
                Props props = Props.of(properties, at, Set.of("Schedule", "Enabled", "Name", "Description", "Input", "State",
                        "RetryPolicy", "DeadLetterConfig"));
                boolean enabled = props.bool("Enabled").orElse(true) && !props.string("State").orElse("ENABLED").equals("DISABLED");
                Props retry = props.child("RetryPolicy", Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds"));
                rules.add(new Rule(functionId + eventId, props.string("Name").orElse(functionId + eventId), "default",
                        Optional.empty(), Optional.of(props.requireString("Schedule")), enabled,
                        List.of(new Target(functionId + eventId + "LambdaTarget", functionArn(functionName),
                                retry.integer("MaximumRetryAttempts"), retry.integer("MaximumEventAgeInSeconds"),
                                samDeadLetter(props, functionId + eventId), props.string("Input")))));
            }
            case "EventBridgeRule" -> {
                Props props = Props.of(properties, at, Set.of("Pattern", "EventBusName", "RetryPolicy",
                        "DeadLetterConfig", "Input", "RuleName", "Target", "State"));
                Props retry = props.child("RetryPolicy", Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds"));
                Optional<String> deadLetter = samDeadLetter(props, functionId + eventId);
                String targetId = props.child("Target", Set.of("Id")).string("Id").orElse(functionId + eventId + "LambdaTarget");
                String pattern = patternJson(props.raw("Pattern").orElseThrow(() ->
                        TemplateException.at(props.where("Pattern"), "required property is missing")), props.where("Pattern"));
                rules.add(new Rule(functionId + eventId, props.string("RuleName").orElse(functionId + eventId),
                        props.string("EventBusName").map(TemplateReader::busNameOf).orElse("default"),
                        Optional.of(pattern), Optional.empty(), !props.string("State").orElse("ENABLED").equals("DISABLED"),
                        List.of(new Target(targetId, functionArn(functionName), retry.integer("MaximumRetryAttempts"),
                                retry.integer("MaximumEventAgeInSeconds"), deadLetter, props.string("Input")))));
            }
            case "HttpApi" -> {
                Props props = Props.of(properties, at, Set.of("Path", "Method", "ApiId", "TimeoutInMillis",
                        "PayloadFormatVersion", "RouteSettings", "Auth"));
                String version = props.string("PayloadFormatVersion").orElse("2.0");
                if (!version.equals("2.0")) {
                    throw TemplateException.at(props.where("PayloadFormatVersion"), "only payload format 2.0 is served locally");
                }
                String api = props.string("ApiId").orElse(IMPLICIT_HTTP_API);
                if (!api.equals(IMPLICIT_HTTP_API) && !"AWS::Serverless::HttpApi".equals(types.get(api))) {
                    throw TemplateException.at(props.where("ApiId"), api + " is not an AWS::Serverless::HttpApi of this template");
                }
                String path = props.string("Path").orElse("$default");
                String method = path.equals("$default") ? "ANY" : props.string("Method").orElse("ANY").toUpperCase();
                routes.add(route(method.equals("*") ? "ANY" : method, path, api, functionName,
                        props.child("Auth", Set.of("Authorizer", "AuthorizationScopes"))));
            }
            default -> throw TemplateException.at(where + ".Type", "event source type " + type
                    + " is not supported by the local cloud (supported: SQS, Schedule, EventBridgeRule, HttpApi)");
        }
    }

    /** SAM's DeadLetterConfig: an existing queue's Arn, or Type: SQS to have one created. */
    private Optional<String> samDeadLetter(Props props, String defaultQueueId) {
        if (!props.has("DeadLetterConfig")) {
            return Optional.empty();
        }
        Props config = props.child("DeadLetterConfig", Set.of("Arn", "Type", "QueueLogicalId"));
        if (config.has("Arn")) {
            return config.string("Arn");
        }
        if (!config.string("Type").orElse("").equals("SQS")) {
            throw TemplateException.at(config.where(), "needs Arn, or Type: SQS");
        }
        String queueId = config.string("QueueLogicalId").orElse(defaultQueueId + "Queue");
        queues.add(new Queue(queueId, queueId, queueArn(queueId), Map.of(), Optional.empty()));
        return Optional.of(queueArn(queueId));
    }

    // ---------------------------------------------------------------- names and references

    /** Every ARN the template's wiring points at must be something this template builds. */
    private void checkReferences() {
        Set<String> queueArns = new HashSet<>();
        queues.forEach(q -> queueArns.add(q.arn()));
        Set<String> functionArns = new HashSet<>();
        functions.forEach(f -> functionArns.add(f.arn()));
        Set<String> busNames = new HashSet<>(Set.of("default"));
        buses.forEach(b -> busNames.add(b.name()));
        for (Queue queue : queues) {
            queue.redrive().ifPresent(r -> require(queueArns.contains(r.deadLetterTargetArn()),
                    "Resources." + queue.logicalId() + ".Properties.RedrivePolicy.deadLetterTargetArn",
                    r.deadLetterTargetArn() + " is not a queue of this template"));
        }
        for (Function function : functions) {
            for (QueueMapping mapping : function.queueMappings()) {
                String where = "Resources." + function.logicalId() + ".Properties.Events." + mapping.eventId() + ".Properties.Queue";
                require(queueArns.contains(mapping.queueArn()), where, mapping.queueArn() + " is not a queue of this template");
                // Lambda refuses such a mapping: a batch would reappear while the function still works on it.
                int visibility = queues.stream().filter(q -> q.arn().equals(mapping.queueArn())).findFirst()
                        .map(q -> Integer.parseInt(q.attributes().getOrDefault("VisibilityTimeout", "30"))).orElse(30);
                require(visibility >= function.timeoutSeconds(), where, "queue visibility timeout " + visibility
                        + " s is less than the function timeout " + function.timeoutSeconds() + " s (Lambda rejects this mapping)");
            }
        }
        for (Rule rule : rules) {
            String where = "Resources." + rule.logicalId();
            require(busNames.contains(rule.busName()), where + ".EventBusName", "bus " + rule.busName() + " is not declared");
            for (Target target : rule.targets()) {
                String arn = unqualified(target.arn());
                require(queueArns.contains(arn) || functionArns.contains(arn), where + ".Targets." + target.id() + ".Arn",
                        target.arn() + " is neither a queue nor a function of this template");
                target.deadLetterArn().ifPresent(dlq -> require(queueArns.contains(dlq),
                        where + ".Targets." + target.id() + ".DeadLetterConfig.Arn", dlq + " is not a queue of this template"));
            }
        }
    }

    private static void require(boolean condition, String where, String problem) {
        if (!condition) {
            throw TemplateException.at(where, problem);
        }
    }

    /** A Lambda ARN without its alias or version qualifier. */
    public static String unqualified(String arn) {
        String[] parts = arn.split(":");
        return parts.length == 8 && parts[2].equals("lambda") ? String.join(":", List.of(parts).subList(0, 7)) : arn;
    }

    private String name(String id) {
        String cached = physicalNames.get(id);
        if (cached != null) {
            return cached;
        }
        if (!naming.add(id)) {
            throw TemplateException.at("Resources." + id, "its name refers back to itself");
        }
        String property = switch (types.get(id)) {
            case "AWS::Events::EventBus" -> "Name";
            case "AWS::Events::Archive" -> "ArchiveName";
            case "AWS::Events::Rule" -> "Name";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::DynamoDB::Table" -> "TableName";
            case "AWS::Serverless::Function" -> "FunctionName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::CloudWatch::Alarm" -> "AlarmName";
            default -> null;
        };
        Map<?, ?> properties = map(definitions.get(id).get("Properties"), "Resources." + id + ".Properties");
        String where = "Resources." + id + ".Properties." + property;
        String name = property != null && properties.containsKey(property)
                ? Intrinsics.scalar(resolve(properties.get(property), where), where, property)
                : id;
        naming.remove(id);
        physicalNames.put(id, name);
        return name;
    }

    private final class LocalNames implements Intrinsics.Names {

        @Override
        public Map<?, ?> mappings() {
            return mappings;
        }

        @Override
        public String ref(String name, String where) {
            switch (name) {
                case "AWS::Region": return site.region();
                case "AWS::AccountId": return ACCOUNT_ID;
                case "AWS::StackName": return STACK_NAME;
                case "AWS::StackId": return "arn:aws:cloudformation:" + site.region() + ":" + ACCOUNT_ID + ":stack/" + STACK_NAME + "/local";
                case "AWS::Partition": return "aws";
                case "AWS::URLSuffix": return "amazonaws.com";
                default: break;
            }
            if (parameters.containsKey(name)) {
                return parameters.get(name);
            }
            if (name.endsWith(".Alias") && "AWS::Serverless::Function".equals(types.get(name.substring(0, name.length() - 6)))) {
                String function = name.substring(0, name.length() - 6);
                Object own = map(definitions.get(function).get("Properties"), "").get("AutoPublishAlias");
                Object alias = own != null ? own : functionGlobals.get("AutoPublishAlias");
                return functionArn(name(function)) + ":" + (alias == null ? "live" : alias);
            }
            if (name.equals(IMPLICIT_HTTP_API)) {
                return IMPLICIT_HTTP_API;
            }
            String type = types.get(name);
            if (type == null) {
                throw TemplateException.at(where, "!Ref " + name + ": no such parameter, pseudo parameter or resource");
            }
            return switch (type) {
                case "AWS::SQS::Queue" -> queueUrl(name(name));
                case "AWS::SNS::Topic" -> "arn:aws:sns:" + site.region() + ":" + ACCOUNT_ID + ":" + name(name);
                case "AWS::Serverless::HttpApi", "AWS::SQS::QueuePolicy", "AWS::Lambda::Permission" -> name;
                default -> name(name);
            };
        }

        @Override
        public String getAtt(String id, String attribute, String where) {
            String type = types.get(id);
            if (type == null && !id.equals(IMPLICIT_HTTP_API)) {
                throw TemplateException.at(where, "!GetAtt " + id + "." + attribute + ": no such resource");
            }
            String value = switch (type == null ? "AWS::Serverless::HttpApi" : type) {
                case "AWS::Events::EventBus" -> switch (attribute) {
                    case "Arn" -> busArn(name(id));
                    case "Name" -> name(id);
                    default -> null;
                };
                case "AWS::SQS::Queue" -> switch (attribute) {
                    case "Arn" -> queueArn(name(id));
                    case "QueueName" -> name(id);
                    case "QueueUrl" -> queueUrl(name(id));
                    default -> null;
                };
                case "AWS::DynamoDB::Table" -> attribute.equals("Arn")
                        ? "arn:aws:dynamodb:" + site.region() + ":" + ACCOUNT_ID + ":table/" + name(id) : null;
                case "AWS::Serverless::Function" -> attribute.equals("Arn") ? functionArn(name(id)) : null;
                case "AWS::Events::Rule" -> attribute.equals("Arn")
                        ? "arn:aws:events:" + site.region() + ":" + ACCOUNT_ID + ":rule/" + name(id) : null;
                case "AWS::Events::Archive" -> attribute.equals("Arn")
                        ? "arn:aws:events:" + site.region() + ":" + ACCOUNT_ID + ":archive/" + name(id) : null;
                case "AWS::Serverless::HttpApi" -> switch (attribute) {
                    case "ApiEndpoint" -> site.httpApi().toString();
                    case "ApiId" -> id;
                    default -> null;
                };
                case "AWS::SNS::Topic" -> switch (attribute) {
                    case "TopicArn" -> ref(id, where);
                    case "TopicName" -> name(id);
                    default -> null;
                };
                case "AWS::Logs::LogGroup" -> attribute.equals("Arn")
                        ? "arn:aws:logs:" + site.region() + ":" + ACCOUNT_ID + ":log-group:" + name(id) : null;
                case "AWS::CloudWatch::Alarm" -> attribute.equals("Arn")
                        ? "arn:aws:cloudwatch:" + site.region() + ":" + ACCOUNT_ID + ":alarm:" + name(id) : null;
                default -> null;
            };
            if (value == null) {
                throw TemplateException.at(where, "!GetAtt " + id + "." + attribute + ": attribute not supported for " + type);
            }
            return value;
        }
    }

    private String busArn(String name) {
        return "arn:aws:events:" + site.region() + ":" + ACCOUNT_ID + ":event-bus/" + name;
    }

    private String queueArn(String name) {
        return "arn:aws:sqs:" + site.region() + ":" + ACCOUNT_ID + ":" + name;
    }

    private String queueUrl(String name) {
        String base = site.awsEndpoint().toString();
        return (base.endsWith("/") ? base : base + "/") + ACCOUNT_ID + "/" + name;
    }

    private String functionArn(String name) {
        return "arn:aws:lambda:" + site.region() + ":" + ACCOUNT_ID + ":function:" + name;
    }

    private static String busNameOf(String nameOrArn) {
        int slash = nameOrArn.indexOf(":event-bus/");
        return slash < 0 ? nameOrArn : nameOrArn.substring(slash + ":event-bus/".length());
    }

    private static String patternJson(Object pattern, String where) {
        try {
            if (pattern instanceof String json) {
                JSON.readTree(json);
                return json;
            }
            return JSON.writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw TemplateException.at(where, "not a valid event pattern: " + e.getOriginalMessage());
        }
    }

    private Object resolve(Object value, String where) {
        return intrinsics.resolve(value, where);
    }

    private static Map<?, ?> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw TemplateException.at(where, "expected a mapping, got " + value);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
