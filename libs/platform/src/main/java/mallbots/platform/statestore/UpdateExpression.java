package mallbots.platform.statestore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds an UpdateItem expression with placeholders for every name and value (no reserved-word trouble). */
final class UpdateExpression {

    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private int counter;

    void set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(value));
    }

    void setIfNotExists(String attribute, AttributeValue value) {
        String name = name(attribute);
        sets.add(name + " = if_not_exists(" + name + ", " + value(value) + ")");
    }

    /** {@code map.key = value}; the map must exist. */
    void setEntry(String map, String key, AttributeValue value) {
        sets.add(name(map) + "." + name(key) + " = " + value(value));
    }

    void remove(String attribute) {
        removes.add(name(attribute));
    }

    String expression() {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        return expression.toString();
    }

    /** A mutable copy: the caller adds the condition's placeholders. */
    Map<String, String> names() {
        return new HashMap<>(names);
    }

    Map<String, AttributeValue> values() {
        return new HashMap<>(values);
    }

    private String name(String attribute) {
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (entry.getValue().equals(attribute)) {
                return entry.getKey();
            }
        }
        String placeholder = "#n" + counter++;
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String value(AttributeValue value) {
        String placeholder = ":v" + counter++;
        values.put(placeholder, value);
        return placeholder;
    }
}
