package mallbots.emulators.faults;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the local endpoint asks the {@link FaultInjector} about each DynamoDB and EventBridge
 * request, and answers a faulted one as AWS would: an error with the service's own JSON
 * {@code __type} and status, or, for a timeout, no answer at all (the request is applied, then the
 * connection drops), so the functions' SDK retries and our code's handling of them run for real.
 */
public final class EndpointFaults {

    /** The endpoint's read-only view of the injector's counts. */
    public static final String PATH = "/_mallbots/faults";

    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final String DYNAMODB_ERROR = "com.amazonaws.dynamodb.v20120810#";

    private final FaultInjector injector;

    public EndpointFaults(FaultInjector injector) {
        this.injector = injector;
    }

    public FaultInjector injector() {
        return injector;
    }

    /**
     * Injects this request's fault, if it draws one.
     *
     * @param service            "dynamodb" or "events"
     * @param applyWithoutAnswer applies the request as the service would, its answer discarded
     *                           (what a timeout after the service's work looks like)
     * @return true when the request has been answered (or dropped) here; false: serve it as usual
     */
    public boolean intercept(HttpExchange exchange, String service, String operation, Runnable applyWithoutAnswer)
            throws IOException {
        String attempt = exchange.getRequestHeaders().getFirst("amz-sdk-request");
        Optional<FaultKind> fault = injector.forRequest(service, operation, attempt, accessKeyId(exchange));
        if (fault.isEmpty()) {
            return false;
        }
        String injected = "injected fault (" + injector.plan() + "): ";
        switch (fault.get()) {
            case DYNAMODB_INTERNAL_ERROR -> respond(exchange, 500, "application/x-amz-json-1.0",
                    DYNAMODB_ERROR + "InternalServerError", injected + "Internal server error");
            case DYNAMODB_THROTTLING -> respond(exchange, 400, "application/x-amz-json-1.0",
                    DYNAMODB_ERROR + "ProvisionedThroughputExceededException", injected
                            + "The level of configured provisioned throughput for the table was exceeded.");
            case EVENTBRIDGE_INTERNAL_ERROR -> respond(exchange, 500, "application/x-amz-json-1.1",
                    "InternalException", injected + "Internal error");
            case EVENTBRIDGE_THROTTLING -> respond(exchange, 400, "application/x-amz-json-1.1",
                    "ThrottlingException", injected + "Rate exceeded");
            case CRASH_BEFORE_PUBLISH -> respond(exchange, 400, "application/x-amz-json-1.1",
                    "AccessDeniedException", injected + "the function crashed after its write and before this"
                            + " PutEvents; nothing was published");
            case DYNAMODB_TIMEOUT, EVENTBRIDGE_TIMEOUT -> {
                applyWithoutAnswer.run();
                sleep(injector.timeout().toMillis());
                // closing an exchange that has sent no headers closes its connection: the client reads EOF
                exchange.close();
            }
            default -> throw new IllegalStateException("not a request fault: " + fault.get());
        }
        return true;
    }

    private static String accessKeyId(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return null;
        }
        Matcher matcher = ACCESS_KEY.matcher(authorization);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String type, String message)
            throws IOException {
        byte[] bytes = ("{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "'") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type.substring(type.indexOf('#') + 1));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
