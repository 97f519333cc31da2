package mallbots.local.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mallbots.local.template.Template;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates what the template declares through the AWS APIs of an endpoint, so the same code
 * serves our embedded endpoint and LocalStack. Idempotent: what exists already is kept (and a
 * queue's attributes are brought in line with the template).
 */
public final class Provisioner {

    /** What was created, for the host (queue URLs) and the console. */
    public record Provisioned(Map<String, String> queueUrlsByArn, List<String> lines) {
    }

    private final ProvisioningClients aws;
    private final Consumer<String> log;

    public Provisioner(ProvisioningClients aws, Consumer<String> log) {
        this.aws = aws;
        this.log = log;
    }

    public Provisioned provision(Template template) {
        List<String> lines = new ArrayList<>();
        for (Template.Bus bus : template.buses()) {
            try {
                aws.events().createEventBus(b -> b.name(bus.name()));
            } catch (ResourceAlreadyExistsException exists) {
                // kept as it is
            }
            lines.add("bus    " + bus.name());
        }
        for (Template.Archive archive : template.archives()) {
            lines.add(createArchive(archive));
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (Template.Queue queue : template.queues()) {
            urls.put(queue.arn(), createQueue(queue));
        }
        for (Template.Queue queue : template.queues()) {
            queue.redrive().ifPresent(redrive -> {
                String policy = "{\"deadLetterTargetArn\":\"" + redrive.deadLetterTargetArn()
                        + "\",\"maxReceiveCount\":\"" + redrive.maxReceiveCount() + "\"}";
                aws.sqs().setQueueAttributes(r -> r.queueUrl(urls.get(queue.arn()))
                        .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy)));
            });
            lines.add("queue  " + queue.name() + queue.redrive().map(r -> "  (dead letters to "
                    + r.deadLetterTargetArn().substring(r.deadLetterTargetArn().lastIndexOf(':') + 1)
                    + " after " + r.maxReceiveCount() + " receives)").orElse(""));
        }
        for (Template.Table table : template.tables()) {
            createTable(table);
            lines.add("table  " + table.name());
        }
        for (Template.Rule rule : template.rules()) {
            createRule(rule);
            lines.add("rule   " + rule.name() + " on " + rule.busName() + ": "
                    + rule.eventPatternJson().orElseGet(() -> rule.scheduleExpression().orElseThrow())
                    + (rule.enabled() ? "" : " (disabled)") + " -> "
                    + String.join(", ", rule.targets().stream().map(t -> shortArn(t.arn())).toList()));
        }
        lines.forEach(log);
        return new Provisioned(Map.copyOf(urls), List.copyOf(lines));
    }

    /** An archive, kept by the endpoint's EventBridge for replays; an endpoint without archives says so. */
    private String createArchive(Template.Archive archive) {
        String line = "archive " + archive.name() + " of " + archive.sourceArn().substring(archive.sourceArn().lastIndexOf('/') + 1)
                + (archive.eventPatternJson().isEmpty() ? "" : ": " + archive.eventPatternJson())
                + (archive.retentionDays() > 0 ? ", kept " + archive.retentionDays() + " days" : ", kept for good");
        try {
            aws.events().createArchive(a -> a.archiveName(archive.name()).eventSourceArn(archive.sourceArn())
                    .eventPattern(archive.eventPatternJson().isEmpty() ? null : archive.eventPatternJson())
                    .retentionDays(archive.retentionDays()));
        } catch (ResourceAlreadyExistsException exists) {
            // kept, with its events (--data-dir)
        } catch (software.amazon.awssdk.services.eventbridge.model.EventBridgeException e) {
            return line + " (not created: " + e.awsErrorDetails().errorMessage() + ")";
        }
        return line;
    }

    private String createQueue(Template.Queue queue) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        queue.attributes().forEach((k, v) -> attributes.put(QueueAttributeName.fromValue(k), v));
        try {
            return aws.sqs().createQueue(r -> r.queueName(queue.name()).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException exists) {
            String url = aws.sqs().getQueueUrl(r -> r.queueName(queue.name())).queueUrl();
            if (!attributes.isEmpty()) {
                aws.sqs().setQueueAttributes(r -> r.queueUrl(url).attributes(attributes));
            }
            return url;
        }
    }

    private void createTable(Template.Table table) {
        boolean onDemand = table.billingMode().equals("PAY_PER_REQUEST");
        ProvisionedThroughput throughput = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .attributeDefinitions(table.attributes().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build()).toList())
                .keySchema(keys(table.keySchema()))
                .billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED);
        if (!onDemand) {
            request.provisionedThroughput(throughput);
        }
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(index -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder().indexName(index.name())
                        .keySchema(keys(index.keySchema()))
                        .projection(Projection.builder().projectionType(index.projectionType())
                                .nonKeyAttributes(index.nonKeyAttributes().isEmpty() ? null : index.nonKeyAttributes()).build());
                if (!onDemand) {
                    gsi.provisionedThroughput(throughput);
                }
                return gsi.build();
            }).toList());
        }
        try {
            aws.dynamo().createTable(request.build());
        } catch (ResourceInUseException exists) {
            // kept as it is, with its data (--data-dir, or an external endpoint)
        }
    }

    private static List<KeySchemaElement> keys(List<Template.Key> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build()).toList();
    }

    private void createRule(Template.Rule rule) {
        aws.events().putRule(r -> {
            r.name(rule.name()).eventBusName(rule.busName()).state(rule.enabled() ? RuleState.ENABLED : RuleState.DISABLED);
            rule.eventPatternJson().ifPresent(r::eventPattern);
            rule.scheduleExpression().ifPresent(r::scheduleExpression);
        });
        if (rule.targets().isEmpty()) {
            return;
        }
        PutTargetsResponse response = aws.events().putTargets(r -> r.rule(rule.name()).eventBusName(rule.busName())
                .targets(rule.targets().stream().map(t -> software.amazon.awssdk.services.eventbridge.model.Target.builder()
                        .id(t.id()).arn(t.arn()).input(t.input().orElse(null))
                        .retryPolicy(t.maximumRetryAttempts().isEmpty() && t.maximumEventAgeInSeconds().isEmpty() ? null
                                : software.amazon.awssdk.services.eventbridge.model.RetryPolicy.builder()
                                .maximumRetryAttempts(t.maximumRetryAttempts().orElse(null))
                                .maximumEventAgeInSeconds(t.maximumEventAgeInSeconds().orElse(null)).build())
                        .deadLetterConfig(t.deadLetterArn().map(arn -> software.amazon.awssdk.services.eventbridge.model
                                .DeadLetterConfig.builder().arn(arn).build()).orElse(null))
                        .build()).toList()));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutTargets for rule " + rule.name() + " failed: " + response.failedEntries());
        }
    }

    static String shortArn(String arn) {
        String[] parts = arn.split(":");
        return parts.length >= 7 && parts[2].equals("lambda") ? "function " + parts[6]
                : parts.length >= 6 && parts[2].equals("sqs") ? "queue " + parts[5] : arn;
    }
}
