package mallbots.local.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One line a function wrote while it handled an invocation. The functions write Lambda's JSON
 * log format (one object per line: timestamp, level, message, logger, the error fields, and
 * their ThreadContext as top-level fields such as correlationId); anything else is kept as a
 * text line. {@link #json()} is the object as stored and served, with the function's name and
 * the time it was seen added.
 */
public record LogLine(long seenAtMillis, String function, ObjectNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses what {@code function} wrote; a line that is not a JSON object becomes {"message": line}. */
    public static LogLine of(String function, String line, long seenAtMillis) {
        ObjectNode object = null;
        if (line.startsWith("{")) {
            try {
                JsonNode parsed = JSON.readTree(line);
                if (parsed instanceof ObjectNode node) {
                    object = node;
                }
            } catch (Exception notJson) {
                object = null;
            }
        }
        if (object == null) {
            object = JSON.createObjectNode();
            object.put("level", "TEXT");
            object.put("message", line);
        }
        if (!object.hasNonNull("function")) {
            object.put("function", function);
        }
        object.put("seenAt", seenAtMillis);
        return new LogLine(seenAtMillis, function, object);
    }

    public String text(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public String level() {
        String level = text("level");
        return level == null ? "TEXT" : level;
    }

    public String message() {
        String message = text("message");
        return message == null ? "" : message;
    }

    /** True when every filter names a field this line has with that value ("contains" searches the message). */
    public boolean matches(Map<String, String> filters) {
        return Query.matches(json, filters);
    }

    /** For the console: the level, the message, the error, and the short ids of the flow it belongs to. */
    public String readable() {
        if (MetricsStore.isEmf(json)) {
            return metrics();
        }
        StringBuilder text = new StringBuilder();
        String level = level();
        if (!level.equals("TEXT")) {
            text.append(level).append(' ');
        }
        text.append(message());
        String errorType = text("errorType");
        if (errorType != null) {
            text.append(" (").append(errorType);
            String errorMessage = text("errorMessage");
            if (errorMessage != null) {
                text.append(": ").append(errorMessage);
            }
            text.append(')');
        }
        appendId(text, "corr", text("correlationId"));
        appendId(text, "msg", text("messageId"));
        if (text("sagaId") != null) {
            appendId(text, "saga", text("sagaId"));
        } else {
            appendId(text, "agg", text("aggregateId"));
        }
        return text.toString();
    }

    /** An EMF line: "metric OrdersCreated 1 Count (service OrderingEvents)". */
    private String metrics() {
        StringBuilder text = new StringBuilder("metric");
        for (JsonNode directive : json.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                text.append(' ').append(name).append(' ').append(json.path(name).asText())
                        .append(' ').append(metric.path("Unit").asText(""));
            }
            List<String> dimensions = new java.util.ArrayList<>();
            for (JsonNode set : directive.path("Dimensions")) {
                set.forEach(d -> dimensions.add(d.asText() + " " + json.path(d.asText()).asText()));
            }
            if (!dimensions.isEmpty()) {
                text.append(" (").append(String.join(", ", new java.util.LinkedHashSet<>(dimensions))).append(')');
            }
        }
        return text.toString();
    }

    private static void appendId(StringBuilder text, String label, String id) {
        if (id != null) {
            text.append("  ").append(label).append(' ').append(id, 0, Math.min(8, id.length()));
        }
    }
}
