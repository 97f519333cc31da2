package mallbots.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mallbots.local.template.Template;

/**
 * The routes of the HTTP API and API Gateway's choice among them: a route matches a method
 * ("ANY" matches all) and a path template ({@code {id}} is one segment, a final
 * {@code {proxy+}} one or more); the most specific match wins (no greedy segment, more literal
 * segments, a named method over ANY), and the {@code $default} route takes what nothing else does.
 */
public final class RouteTable {

    /** A matched route and the path parameters it bound. */
    public record Match(Template.Route route, Map<String, String> pathParameters) {
    }

    private record Candidate(Match match, boolean greedy, int literals, boolean anyMethod) {
    }

    private final List<Template.Route> routes;

    public RouteTable(List<Template.Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public Optional<Match> match(String method, String path) {
        String[] segments = split(path);
        Optional<Match> best = routes.stream()
                .filter(route -> !route.path().equals("$default"))
                .filter(route -> route.method().equals("ANY") || route.method().equalsIgnoreCase(method))
                .map(route -> candidate(route, segments))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(Candidate::greedy)
                        .thenComparing(Comparator.comparingInt(Candidate::literals).reversed())
                        .thenComparing(Candidate::anyMethod))
                .map(Candidate::match);
        return best.or(() -> routes.stream().filter(r -> r.path().equals("$default")).findFirst()
                .map(r -> new Match(r, Map.of())));
    }

    /** The methods of the routes whose path template fits this path (for a 405's Allow), in the template's order. */
    public java.util.Set<String> methodsFor(String path) {
        String[] segments = split(path);
        java.util.Set<String> methods = new java.util.LinkedHashSet<>();
        routes.stream().filter(route -> !route.path().equals("$default"))
                .filter(route -> candidate(route, segments).isPresent())
                .forEach(route -> methods.add(route.method()));
        return methods;
    }

    private static Optional<Candidate> candidate(Template.Route route, String[] segments) {
        String[] template = split(route.path());
        Map<String, String> parameters = new LinkedHashMap<>();
        int literals = 0;
        boolean greedy = false;
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}") && i == template.length - 1) {
                if (segments.length <= i) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 2),
                        decode(String.join("/", List.of(segments).subList(i, segments.length))));
                greedy = true;
                break;
            }
            if (i >= segments.length) {
                return Optional.empty();
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), decode(segments[i]));
            } else if (part.equals(segments[i])) {
                literals++;
            } else {
                return Optional.empty();
            }
        }
        if (!greedy && template.length != segments.length) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(new Match(route, Map.copyOf(parameters)), greedy, literals,
                route.method().equals("ANY")));
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
