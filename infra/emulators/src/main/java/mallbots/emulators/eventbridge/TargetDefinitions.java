package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** PutTargets' target definitions: what the local EventBridge can deliver to, and the Target it keeps. */
final class TargetDefinitions {

    private final ObjectMapper json;

    TargetDefinitions(ObjectMapper json) {
        this.json = json;
    }

    /** Why the local EventBridge cannot take this target, or null if it can. */
    String problem(JsonNode definition) {
        String arn = definition.get("Arn").asText();
        String service = Arns.service(arn).orElse("");
        if (!service.equals("sqs") && !service.equals("lambda")) {
            return "The local EventBridge delivers to SQS queues and Lambda functions only, not to " + arn;
        }
        int inputs = (definition.hasNonNull("Input") ? 1 : 0) + (definition.hasNonNull("InputPath") ? 1 : 0)
                + (definition.hasNonNull("InputTransformer") ? 1 : 0);
        if (inputs > 1) {
            return "Only one of Input, InputPath, or InputTransformer must be provided.";
        }
        if (definition.hasNonNull("InputTransformer")) {
            return "InputTransformer is not supported by the local EventBridge.";
        }
        if (definition.hasNonNull("Input")) {
            try {
                json.readTree(definition.get("Input").asText());
            } catch (JsonProcessingException e) {
                return "Input is not valid JSON text.";
            }
        }
        if (definition.hasNonNull("InputPath") && !TargetInput.supports(definition.get("InputPath").asText())) {
            return "The local EventBridge supports InputPath of the form $.a.b only.";
        }
        String deadLetter = definition.path("DeadLetterConfig").path("Arn").asText(null);
        if (deadLetter != null && !Arns.service(deadLetter).orElse("").equals("sqs")) {
            return "DeadLetterConfig.Arn must be an SQS queue ARN: " + deadLetter;
        }
        JsonNode retry = definition.path("RetryPolicy");
        int attempts = retry.path("MaximumRetryAttempts").asInt(Target.DEFAULT_MAXIMUM_RETRY_ATTEMPTS);
        int age = retry.path("MaximumEventAgeInSeconds").asInt((int) Target.DEFAULT_MAXIMUM_EVENT_AGE.toSeconds());
        if (attempts < 0 || attempts > 185) {
            return "RetryPolicy.MaximumRetryAttempts must be between 0 and 185.";
        }
        if (age < 60 || age > 86_400) {
            return "RetryPolicy.MaximumEventAgeInSeconds must be between 60 and 86400.";
        }
        return null;
    }

    Target target(ObjectNode definition) {
        JsonNode retry = definition.path("RetryPolicy");
        return new Target(
                definition.get("Id").asText(),
                definition.get("Arn").asText(),
                definition.path("Input").asText(null),
                definition.path("InputPath").asText(null),
                retry.path("MaximumRetryAttempts").asInt(Target.DEFAULT_MAXIMUM_RETRY_ATTEMPTS),
                retry.has("MaximumEventAgeInSeconds")
                        ? Duration.ofSeconds(retry.get("MaximumEventAgeInSeconds").asLong())
                        : Target.DEFAULT_MAXIMUM_EVENT_AGE,
                definition.path("DeadLetterConfig").path("Arn").asText(null),
                definition.path("SqsParameters").path("MessageGroupId").asText(null),
                definition.deepCopy());
    }
}
