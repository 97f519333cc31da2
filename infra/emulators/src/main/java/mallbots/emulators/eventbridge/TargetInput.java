package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** What a target receives: the event, the target's constant Input, or the part InputPath selects. */
final class TargetInput {

    private TargetInput() {
    }

    static String of(Target target, String eventJson, ObjectMapper json) {
        if (target.input() != null) {
            return target.input();
        }
        if (target.inputPath() == null) {
            return eventJson;
        }
        try {
            JsonNode selected = select(json.readTree(eventJson), target.inputPath());
            return selected.isTextual() ? selected.asText() : selected.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an accepted event is not JSON: " + eventJson, e);
        }
    }

    /** Whether the local EventBridge can follow this InputPath: {@code $} and dotted fields. */
    static boolean supports(String inputPath) {
        return inputPath.equals("$") || inputPath.matches("\\$(\\.[A-Za-z0-9_\\-]+)+");
    }

    private static JsonNode select(JsonNode event, String inputPath) {
        JsonNode node = event;
        if (inputPath.length() > 1) {
            for (String field : inputPath.substring(2).split("\\.")) {
                node = node.path(field);
            }
        }
        return node.isMissingNode() ? NullNode.getInstance() : node;
    }
}
