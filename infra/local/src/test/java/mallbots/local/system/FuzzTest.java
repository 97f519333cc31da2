package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import mallbots.local.system.SystemCloud.Answer;
import mallbots.local.template.Template;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bad input on every route the template's functions serve (their routers' routes, {@link ServedRoutes},
 * each with the auth of the template route that reaches it), generated with a fixed seed: cases
 * that mutate its path ids, each field of a valid body (wrong types, huge and tiny numbers, long
 * strings, control characters, bad ids), the body as a whole (malformed, oversized), the token
 * (missing, expired, another scope) and the method. No answer may be a 5xx, and a request that is
 * refused (4xx) must leave its context's table as it was, read back before and after.
 */
class FuzzTest {

    private static final long SEED = 10;
    private static final int CASES_PER_ROUTE = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SystemCloud SYSTEM = SystemCloud.shared();

    private final Random random = new Random(SEED);
    private final String customer = UUID.randomUUID().toString();
    private final String customerToken = SYSTEM.token(customer, "mallbots/customer");
    private final String staffToken = SYSTEM.token(UUID.randomUUID().toString(), "mallbots/staff");
    private final String botToken = SYSTEM.token(UUID.randomUUID().toString(), "mallbots/bot");
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void no_bad_request_on_any_route_is_a_5xx_or_changes_anything() throws Exception {
        createThingsToAimAt();
        List<Template.Route> routes = ServedRoutes.of(SYSTEM.local().template());
        for (Template.Route route : routes) {
            for (int i = 0; i < CASES_PER_ROUTE; i++) {
                fuzz(route, i);
            }
        }
        // once: a body over API Gateway's 10 MB
        Answer huge = SYSTEM.call("POST", "/api/stores", "{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}", staffToken);
        assertThat(huge.status()).isEqualTo(413);
        System.out.println("fuzz: " + requests + " requests on " + routes.size()
                + " routes (seed " + SEED + "), " + failures.size() + " failures");
        assertThat(failures).isEmpty();
    }

    private void createThingsToAimAt() {
        String store = SYSTEM.call("POST", "/api/stores", "{\"name\":\"Fuzz Mart\",\"location\":\"Level 9\"}", staffToken).id();
        SYSTEM.call("PUT", "/api/stores/" + store + "/participating", null, staffToken);
        String product = SYSTEM.call("POST", "/api/stores/" + store + "/products",
                "{\"name\":\"Bolt\",\"description\":\"M4\",\"sku\":\"B-4\",\"price\":\"1.25\"}", staffToken).id();
        SYSTEM.call("POST", "/api/customers", "{\"name\":\"Fuzz\",\"smsNumber\":\"+15550100000\"}", customerToken);
        String payment = SYSTEM.call("POST", "/api/payments", "{\"amount\":\"10.00\"}", customerToken).id();
        String basket = SYSTEM.call("POST", "/api/baskets", "{}", customerToken).id();
        ids.put("store", store);
        ids.put("product", product);
        ids.put("customer", customer);
        ids.put("payment", payment);
        ids.put("basket", basket);
    }

    /** A valid body of the route, to mutate one field at a time (none for a route without one). */
    private ObjectNode validBody(Template.Route route) {
        String json = switch (route.routeKey()) {
            case "POST /api/stores" -> "{\"name\":\"Fuzz Mart 2\",\"location\":\"Level 8\"}";
            case "PUT /api/stores/{id}/rebrand" -> "{\"name\":\"Fuzz Market\"}";
            case "POST /api/stores/{storeId}/products" -> "{\"name\":\"Nut\",\"description\":\"M4\",\"sku\":\"N-4\",\"price\":\"0.40\"}";
            case "PUT /api/stores/products/{id}/rebrand" -> "{\"name\":\"Bolt\",\"description\":\"M5\"}";
            case "PUT /api/stores/products/{id}/increasePrice", "PUT /api/stores/products/{id}/decreasePrice" -> "{\"price\":\"1.25\"}";
            case "POST /api/customers" -> "{\"name\":\"Fuzz\",\"smsNumber\":\"+15550100000\"}";
            case "PUT /api/customers/{id}/change-sms" -> "{\"smsNumber\":\"+15550100001\"}";
            case "POST /api/baskets" -> "{\"customerId\":\"" + customer + "\"}";
            case "PUT /api/baskets/{id}/addItem", "PUT /api/baskets/{id}/removeItem" -> "{\"productId\":\"" + ids.get("product") + "\",\"quantity\":1}";
            case "PUT /api/baskets/{id}/checkout" -> "{\"paymentId\":\"" + ids.get("payment") + "\"}";
            case "POST /api/payments" -> "{\"amount\":\"10.00\"}";
            case "PUT /api/depot/shopping/{id}/assign" -> "{\"botId\":\"bot-1\"}";
            case "POST /api/search/orders" -> "{\"customerId\":\"" + customer + "\",\"limit\":5}";
            default -> null;
        };
        try {
            return json == null ? null : (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String idFor(String path, String parameter) {
        if (parameter.equals("storeId") || path.startsWith("/api/stores/{id}")) {
            return ids.get("store");
        }
        if (path.startsWith("/api/stores/products")) {
            return ids.get("product");
        }
        if (path.startsWith("/api/customers")) {
            return ids.get("customer");
        }
        if (path.startsWith("/api/payments/{id}")) {
            return ids.get("payment");
        }
        if (path.startsWith("/api/baskets") || path.startsWith("/api/ordering") || path.startsWith("/api/payments/invoices")
                || path.startsWith("/api/search")) {
            return ids.get("basket");
        }
        return UUID.randomUUID().toString();
    }

    private String tokenFor(Template.Route route) {
        if (route.scopes().contains("mallbots/staff")) {
            return staffToken;
        }
        if (route.scopes().contains("mallbots/bot")) {
            return botToken;
        }
        return route.authorizer().isPresent() ? customerToken : null;
    }

    private static final Object[] BAD_VALUES = {42, -1, 0, 2147483648L, "1e400", "-1e400", "1e-400", true, null, "[]", "{}",
            "", " ", "LONG", "a\u0000b", "\u0007bell", "1e3", "x", "UUID", "\"quoted\\\"", "\u202e\u0301"};

    private void fuzz(Template.Route route, int index) {
        String method = route.method();
        String path = route.path();
        for (String parameter : List.of("id", "storeId")) {
            path = path.replace("{" + parameter + "}", idFor(route.path(), parameter));
        }
        if (route.routeKey().equals("GET /api/notifications")) {
            path = path + "?customerId=" + customer;
        }
        ObjectNode body = validBody(route);
        String bodyText = body == null ? null : body.toString();
        String token = tokenFor(route);
        String what;
        int kind = index == 0 ? 0 : random.nextInt(6);
        switch (kind) {
            case 0 -> { // a field of the body, or the path id, given something it must refuse
                if (body != null && body.size() > 0) {
                    List<String> fields = new ArrayList<>();
                    body.fieldNames().forEachRemaining(fields::add);
                    String field = fields.get(random.nextInt(fields.size()));
                    Object value = BAD_VALUES[random.nextInt(BAD_VALUES.length)];
                    bodyText = withField(body, field, value);
                    what = "field " + field + " = " + describe(value);
                } else {
                    what = "path id 'x'";
                    path = route.path().contains("{") ? route.path().replaceAll("\\{[^}]+}", "x") : path + "?customerId=x%00";
                }
            }
            case 1 -> { // a bad path id
                String[] bad = {"x", "A".repeat(3000), "%00", "..%2F..%2Fetc", UUID.randomUUID().toString().toUpperCase() + "0",
                        "1-2-3-4-5", "%E2%80%AE"};
                String id = bad[random.nextInt(bad.length)];
                what = "path id " + (id.length() > 20 ? id.substring(0, 20) + "..." : id);
                path = route.path().contains("{") ? route.path().replaceAll("\\{[^}]+}", id) : path + "?customerId=" + id;
            }
            case 2 -> { // the body as a whole
                String[] bad = {"{", "[]", "\"text\"", "{\"a\":}", "null", "{\"" + "k".repeat(70_000) + "\":1}",
                        "{\"name\":\"" + "n".repeat(100_000) + "\"}", "{\"unknown\":1}"};
                bodyText = bad[random.nextInt(bad.length)];
                what = "body " + (bodyText.length() > 20 ? bodyText.substring(0, 20) + "... (" + bodyText.length() + ")" : bodyText);
            }
            case 3 -> { // the token
                String[] bad = {null, "garbage", SYSTEM.tokens().token(customer, List.of("mallbots/customer"), Duration.ofMinutes(-5)),
                        SYSTEM.token(customer, "mallbots/unknown"), SYSTEM.token(UUID.randomUUID().toString(), "mallbots/customer")};
                int which = random.nextInt(bad.length);
                token = bad[which];
                what = "token " + new String[] {"none", "garbage", "expired", "other scope", "another customer"}[which];
            }
            case 4 -> { // the wrong method
                method = "PATCH";
                what = "method PATCH";
            }
            default -> { // a number field pushed to the extremes
                if (body != null && body.size() > 0) {
                    List<String> fields = new ArrayList<>();
                    body.fieldNames().forEachRemaining(fields::add);
                    String field = fields.get(random.nextInt(fields.size()));
                    Object[] numbers = {Long.MAX_VALUE, Long.MIN_VALUE, "NUM:1e309", "NUM:-0.0", "NUM:12.345", "NUM:999999999999"};
                    Object value = numbers[random.nextInt(numbers.length)];
                    bodyText = withField(body, field, value);
                    what = "field " + field + " = " + value;
                } else {
                    what = "query junk";
                    path = path + (path.contains("?") ? "&" : "?") + "limit=" + "9".repeat(30);
                }
            }
        }
        send(route, method, path, bodyText, token, what);
    }

    private static String withField(ObjectNode body, String field, Object value) {
        ObjectNode copy = body.deepCopy();
        if (value == null) {
            copy.putNull(field);
        } else if (value instanceof Integer i) {
            copy.put(field, i);
        } else if (value instanceof Long l) {
            copy.put(field, l);
        } else if (value instanceof Boolean b) {
            copy.put(field, b);
        } else if (value.equals("LONG")) {
            copy.put(field, "L".repeat(10_000));
        } else if (value.equals("UUID")) {
            copy.put(field, UUID.randomUUID().toString());
        } else if (value.equals("[]")) {
            copy.putArray(field);
        } else if (value.equals("{}")) {
            copy.putObject(field);
        } else if (value instanceof String s && (s.startsWith("NUM:") || s.matches("-?1e-?\\d+"))) {
            // a JSON number written as is, beyond what a double holds
            String number = s.startsWith("NUM:") ? s.substring(4) : s;
            copy.put(field, "@@" + number + "@@");
            return copy.toString().replace("\"@@" + number + "@@\"", number);
        } else {
            copy.put(field, String.valueOf(value));
        }
        return copy.toString();
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 20 ? text.substring(0, 20) + "..." : text.replace("\u0000", "\\0");
    }

    private void send(Template.Route route, String method, String path, String body, String token, String what) {
        String table = SYSTEM.local().template().function(route.functionName()).orElseThrow().environment().get("TABLE_NAME");
        List<Map<String, AttributeValue>> before = quietTable(table);
        Answer answer;
        try {
            answer = SYSTEM.call(method, path, body, token);
        } catch (RuntimeException e) {
            failures.add(route.routeKey() + " " + what + ": no answer: " + e);
            return;
        }
        requests++;
        if (answer.status() >= 500) {
            failures.add(route.routeKey() + " " + what + ": " + answer.status() + " " + answer.body());
        } else if (answer.status() >= 400) {
            if (answer.body() == null || !answer.body().hasNonNull("message")) {
                failures.add(route.routeKey() + " " + what + ": " + answer.status() + " without a JSON message");
            }
            List<Map<String, AttributeValue>> after = scan(table);
            if (!after.equals(before)) {
                failures.add(route.routeKey() + " " + what + ": refused with " + answer.status() + " but changed " + table);
            }
        }
    }

    /**
     * The table once two scans 30 ms apart agree (events of earlier requests may still be
     * landing). Not {@code Drained}: on the shared local cloud other tests' failed messages may
     * wait out their visibility timeouts in the queues.
     */
    private List<Map<String, AttributeValue>> quietTable(String table) {
        AtomicReference<List<Map<String, AttributeValue>>> last = new AtomicReference<>(scan(table));
        return await("the table " + table + " unchanged between two scans").atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ofMillis(30)).pollInterval(Duration.ofMillis(30)).pollInSameThread()
                .until(() -> scan(table), now -> now.equals(last.getAndSet(now)));
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return SYSTEM.local().clients().dynamo().scan(r -> r.tableName(table).consistentRead(true)).items();
    }
}
