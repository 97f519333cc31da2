package mallbots.platform.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A routed HTTP request, as a route's handler sees it: what it asks for and helpers that turn a
 * client's mistake into a {@link BadRequest} naming the parameter or field.
 */
public final class HttpRequest {

    private static final JsonBodyReader BODY_READER = new JsonBodyReader();

    private final String requestId;
    private final String method;
    private final String path;
    private final String routeKey;
    private final Map<String, String> pathParameters;
    private final Map<String, String> queryParameters;
    private final Map<String, String> headers;
    private final String body;
    private final Optional<Caller> caller;

    HttpRequest(String requestId, String method, String path, String routeKey, Map<String, String> pathParameters,
            Map<String, String> queryParameters, Map<String, String> headers, String body) {
        this(requestId, method, path, routeKey, pathParameters, queryParameters, headers, body, Optional.empty());
    }

    HttpRequest(String requestId, String method, String path, String routeKey, Map<String, String> pathParameters,
            Map<String, String> queryParameters, Map<String, String> headers, String body, Optional<Caller> caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.routeKey = Objects.requireNonNull(routeKey, "routeKey");
        this.pathParameters = Map.copyOf(pathParameters);
        this.queryParameters = Map.copyOf(queryParameters);
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        this.headers = caseless;
        this.body = body;
    }

    /** API Gateway's request id (or Lambda's), the one the logs carry. */
    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The route this request matched, e.g. "PUT /api/stores/{id}/rebrand". */
    public String routeKey() {
        return routeKey;
    }

    /** A parameter of the route's path; the route template guarantees it. */
    public String pathParam(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route " + routeKey + " has no path parameter {" + name + "}");
        }
        if (value.isBlank()) {
            throw new BadRequest(name + ": must not be blank");
        }
        return value;
    }

    /**
     * A path parameter that names a thing MallBots made (a store, a basket, an order...): a UUID,
     * checked by {@link mallbots.platform.domain.Ids} the same way in every context; anything else
     * is a 400 naming it ("id: must be a UUID, was ...").
     */
    public String idParam(String name) {
        return mallbots.platform.domain.Ids.require(pathParam(name), name);
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(value -> !value.isBlank());
    }

    public String requiredQueryParam(String name) {
        return queryParam(name).orElseThrow(() -> new BadRequest(name + ": query parameter is required"));
    }

    public int intQueryParam(String name, int defaultValue) {
        return queryParam(name).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest(name + ": must be an integer");
            }
        }).orElse(defaultValue);
    }

    public Map<String, String> queryParameters() {
        return queryParameters;
    }

    /** A header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The body as text (already base64-decoded), if any. */
    public Optional<String> body() {
        return Optional.ofNullable(body).filter(text -> !text.isEmpty());
    }

    /**
     * The JSON body read into a record, strictly.
     *
     * @throws BadRequest for no body, malformed JSON, an unknown field, a missing field or a wrong type
     */
    public <T> T body(Class<T> type) {
        return BODY_READER.read(body, type);
    }

    /** The verified caller (see {@link Caller}), on a route behind the authorizer. */
    public Optional<Caller> caller() {
        return caller;
    }

    /**
     * The id of the customer who calls: the token's subject, which for a customer is their
     * customer id (a UUID, as every message carries it), in lower case.
     *
     * @throws Unauthorized when the event has no caller
     * @throws Forbidden when the subject is not a customer id
     */
    public String customerId() {
        Caller who = caller.orElseThrow(() -> new Unauthorized("authorization: this route needs a customer's token"));
        if (!mallbots.platform.domain.Ids.isUuid(who.subject())) {
            throw new Forbidden("sub: a customer's token has the customer id (a UUID) as its subject");
        }
        return who.subject().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Answers as if the resource did not exist (the domain's 404, "what id not found") when it
     * belongs to another customer than the caller: a customer never learns of another's things.
     *
     * @return the resource, when the caller owns it
     */
    public <T> T ownedByCaller(T resource, String ownerCustomerId, String what, String id) {
        if (!customerId().equalsIgnoreCase(String.valueOf(ownerCustomerId))) {
            throw mallbots.platform.domain.NotFound.of(what, id);
        }
        return resource;
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + routeKey + ", request " + requestId + ")";
    }
}
