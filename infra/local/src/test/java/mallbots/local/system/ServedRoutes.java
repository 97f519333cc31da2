package mallbots.local.system;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mallbots.local.http.RouteTable;
import mallbots.local.lambda.FunctionCode;
import mallbots.local.lambda.FunctionHost;
import mallbots.local.template.Template;

/**
 * The functions of template.yaml as Lambda's init builds them (from the function's jar alone,
 * with the environment the template gives it), and what they serve: the routes of every API
 * function's router, each with the template route that reaches it. The template routes a
 * context's whole prefix to its function; the routes themselves are the router's.
 */
final class ServedRoutes {

    private static final URI NO_AWS = URI.create("http://127.0.0.1:9");
    private static final Map<String, ClassLoader> LOADERS = new ConcurrentHashMap<>();
    private static final Map<String, Object> HANDLERS = new ConcurrentHashMap<>();

    private ServedRoutes() {
    }

    /**
     * Every route the template's API functions serve, as "METHOD /path/{parameter}", with the
     * function and the authorizer and scopes of the template route that reaches it.
     */
    static List<Template.Route> of(Template template) {
        RouteTable table = new RouteTable(template.routes());
        List<Template.Route> served = new ArrayList<>();
        for (Template.Function function : template.functions()) {
            if (template.routes().stream().noneMatch(route -> route.functionName().equals(function.name()))) {
                continue;
            }
            for (String key : routeKeys(handler(template, function))) {
                String method = key.substring(0, key.indexOf(' '));
                String path = key.substring(key.indexOf(' ') + 1);
                Template.Route reaching = table.match(method, path.replaceAll("\\{[^}]+}", "0"))
                        .orElseThrow(() -> new AssertionError("no template route reaches " + key + " of " + function.logicalId()))
                        .route();
                served.add(new Template.Route(method, path, reaching.apiLogicalId(), reaching.functionName(),
                        reaching.authorizer(), reaching.scopes()));
            }
        }
        return served;
    }

    /** The handler of the function, built once, in one class loader per jar (loading a jar is the slow part). */
    static Object handler(Template template, Template.Function function) {
        return HANDLERS.computeIfAbsent(function.logicalId(), id -> build(template, function));
    }

    @SuppressWarnings("unchecked")
    static List<String> routeKeys(Object handler) {
        return (List<String>) call(handler, "routeKeys");
    }

    @SuppressWarnings("unchecked")
    static List<String> handledMessages(Object handler) {
        return (List<String>) call(handler, "handledMessages");
    }

    private static Object build(Template template, Template.Function function) {
        ClassLoader loader = LOADERS.computeIfAbsent(function.codeUri(),
                jar -> FunctionCode.of(function, RepositoryTemplate.ROOT).loader());
        Map<String, String> environment = FunctionHost.environment(function, template.region(), NO_AWS);
        try {
            Class<?> type = Class.forName(function.handler().split("::")[0], true, loader);
            Class<?> config = Class.forName("mallbots.platform.config.Environment", true, loader);
            Constructor<?> constructor = type.getConstructor(config);
            return constructor.newInstance(config.getMethod("of", Map.class).invoke(null, environment));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(function.logicalId() + ": cannot build " + function.handler() + " from its environment", e);
        }
    }

    private static Object call(Object handler, String method) {
        try {
            return handler.getClass().getMethod(method).invoke(handler);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(handler.getClass().getName() + "." + method + "()", e);
        }
    }
}
