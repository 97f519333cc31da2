package mallbots.platform.api;

/** The handler of one route: reads the request, calls a use case, says what to answer. */
@FunctionalInterface
public interface RouteHandler {

    HttpResponse handle(HttpRequest request);
}
