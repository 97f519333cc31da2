package mallbots.platform.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A route key as API Gateway HTTP APIs write it: a method (or ANY) and a path template whose
 * segments are literals or {parameters}, e.g. "PUT /api/stores/{id}/rebrand".
 */
record RouteTemplate(String method, List<String> segments) {

    static final String ANY = "ANY";

    /** Literal segments before parameters, segment by segment: "/stores/products" wins over "/stores/{id}". */
    static final Comparator<RouteTemplate> MOST_SPECIFIC_FIRST = (a, b) -> {
        for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
            int byKind = Boolean.compare(isParameter(a.segments.get(i)), isParameter(b.segments.get(i)));
            if (byKind != 0) {
                return byKind;
            }
        }
        return Boolean.compare(a.method.equals(ANY), b.method.equals(ANY));
    };

    RouteTemplate {
        segments = List.copyOf(segments);
    }

    static RouteTemplate parse(String routeKey) {
        String[] parts = routeKey == null ? new String[0] : routeKey.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("a route key is \"METHOD /path\": " + routeKey);
        }
        List<String> segments = split(parts[1]);
        List<String> names = new ArrayList<>();
        for (String segment : segments) {
            if (isParameter(segment)) {
                String name = segment.substring(1, segment.length() - 1);
                if (name.isEmpty() || name.endsWith("+") || names.contains(name)) {
                    throw new IllegalArgumentException("bad path parameter " + segment + " in " + routeKey);
                }
                names.add(name);
            } else if (segment.contains("{") || segment.contains("}")) {
                throw new IllegalArgumentException("a path parameter is a whole segment: " + routeKey);
            }
        }
        return new RouteTemplate(parts[0].toUpperCase(Locale.ROOT), segments);
    }

    /** The key as API Gateway reports it in an event's routeKey. */
    String key() {
        return method + " /" + String.join("/", segments);
    }

    boolean allows(String requestMethod) {
        return method.equals(ANY) || method.equalsIgnoreCase(requestMethod);
    }

    /** The path parameters, percent-decoded, when the raw path fits the template. */
    Optional<Map<String, String>> match(String rawPath) {
        List<String> actual = split(rawPath);
        if (actual.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String value = decode(actual.get(i));
            if (isParameter(expected)) {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), value);
            } else if (!expected.equals(value)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** "/a/b/" and "/a/b" are the same path; an empty middle segment stays and so matches nothing. */
    private static List<String> split(String path) {
        String trimmed = path == null ? "" : path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    /** Percent-decoding of a path segment: "+" is a plus there, not a space. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
