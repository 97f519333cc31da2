package mallbots.local.observe;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of a raw query string ({@code a=1&b=x%20y}); the last of a repeated name wins. */
public final class Query {

    private Query() {
    }

    public static Map<String, String> parse(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!name.isEmpty()) {
                parameters.put(name, value);
            }
        }
        return parameters;
    }

    /** A positive int parameter, else {@code fallback}; at most {@code max}. */
    public static int limit(Map<String, String> parameters, int fallback, int max) {
        try {
            int value = Integer.parseInt(parameters.getOrDefault("limit", ""));
            return value > 0 ? Math.min(value, max) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * True when every filter names a field the record has with that value; {@code contains} is a
     * substring of the whole record, {@code limit} and {@code since} are not filters.
     */
    public static boolean matches(JsonNode record, Map<String, String> filters) {
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String name = filter.getKey();
            if (name.equals("limit") || name.equals("since")) {
                continue;
            }
            if (name.equals("contains")) {
                if (!record.toString().contains(filter.getValue())) {
                    return false;
                }
            } else {
                JsonNode value = record.get(name);
                if (value == null || value.isNull() || !filter.getValue().equals(value.asText())) {
                    return false;
                }
            }
        }
        return true;
    }
}
