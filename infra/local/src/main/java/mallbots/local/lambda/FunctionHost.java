package mallbots.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mallbots.emulators.eventbridge.LambdaInvoker;
import mallbots.emulators.UsageMeter;
import mallbots.local.console.FlowConsole;
import mallbots.local.dlq.FailureRecords;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Lambda service of the local cloud: every function of the template, each constructed with
 * its own environment (Globals and its own variables, plus the AWS settings that point it at the
 * local endpoint), the SQS event source mappings that feed them, and the {@link LambdaInvoker}
 * EventBridge calls for rule and schedule targets.
 */
public final class FunctionHost implements LambdaInvoker, AutoCloseable {

    private final Map<String, HostedFunction> functions;
    private final List<SqsEventSourceMapping> mappings = new ArrayList<>();
    private final FlowConsole console;
    private final UsageMeter usage;

    private FunctionHost(Map<String, HostedFunction> functions, FlowConsole console, UsageMeter usage) {
        this.functions = functions;
        this.console = console;
        this.usage = usage;
    }

    /**
     * Loads every function from its CodeUri, resolved against {@code codeBase} (the template's
     * directory), counting their invocations, billed durations and CPU in {@code usage}; fails
     * naming the function whose code or handler class is missing.
     */
    public static FunctionHost load(Template template, Path codeBase, URI awsEndpoint, FlowConsole console,
                                    UsageMeter usage) {
        FunctionOutput.install();
        Map<String, HostedFunction> functions = new LinkedHashMap<>();
        for (Template.Function spec : template.functions()) {
            functions.put(spec.name(), new HostedFunction(spec, environment(spec, template.region(), awsEndpoint),
                    FunctionCode.of(spec, codeBase), console, usage));
        }
        return new FunctionHost(functions, console, usage);
    }

    /** What a function sees as its environment variables (also the cold-start harness's child JVMs). */
    public static Map<String, String> environment(Template.Function spec, String region, URI awsEndpoint) {
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_ENDPOINT_URL", awsEndpoint.toString());
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memorySizeMb()));
        return Map.copyOf(environment);
    }

    /** Starts polling every enabled SQS event source of every function. */
    public void startQueueMappings(Template template, Map<String, String> queueUrlsByArn, SqsClient sqs,
                                   FailureRecords failures) {
        for (HostedFunction function : functions.values()) {
            for (Template.QueueMapping mapping : function.spec().queueMappings()) {
                if (!mapping.enabled()) {
                    console.info("  mapping " + mapping.eventId() + " of " + function.name() + " is disabled");
                    continue;
                }
                Template.Queue queue = template.queueByArn(mapping.queueArn()).orElseThrow();
                usage.batchingWindow(function.name() + "." + mapping.eventId(), mapping.maximumBatchingWindowSeconds());
                SqsEventSourceMapping poller = new SqsEventSourceMapping(sqs, queueUrlsByArn.get(queue.arn()), queue,
                        mapping, function, console, failures, template.region());
                mappings.add(poller);
                poller.start();
            }
        }
    }

    public HostedFunction function(String name) {
        HostedFunction function = functions.get(name);
        if (function == null) {
            throw new HostException("no function " + name + " in the template");
        }
        return function;
    }

    public Collection<HostedFunction> functions() {
        return functions.values();
    }

    /** EventBridge's asynchronous invocation of a rule or schedule target; an error makes it retry. */
    @Override
    public void invoke(String functionArn, String eventJson) throws Exception {
        String[] parts = TemplateReader.unqualified(functionArn).split(":");
        HostedFunction function = function(parts[parts.length - 1]);
        JsonNode event = LambdaPayloads.tree(eventJson);
        String trigger = event.path("detail-type").asText("event");
        if (event.path("source").asText().equals("aws.events") && event.path("resources").size() > 0) {
            String rule = event.path("resources").get(0).asText();
            trigger = "schedule " + rule.substring(rule.lastIndexOf('/') + 1);
        }
        HostedFunction.Invocation invocation = function.invoke(eventJson);
        console.invocation(function.name(), trigger, invocation.failed() ? "failed (" + invocation.errorText() + ")" : "ok",
                invocation.elapsed());
        if (invocation.failed()) {
            throw invocation.error();
        }
    }

    @Override
    public void close() {
        mappings.forEach(SqsEventSourceMapping::stop);
        mappings.forEach(SqsEventSourceMapping::close);
        functions.values().forEach(function -> function.code().close());
    }
}
