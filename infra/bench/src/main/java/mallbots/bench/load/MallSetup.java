package mallbots.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the orders need, made through the API: a participating store with a product, and one
 * customer with a payment per worker. Done when one order made with them is approved: the
 * baskets, the depot and every other cache know the product by then (they learn it from events).
 */
final class MallSetup {

    /**
     * A customer, the payment their orders use (a payment covers any number of orders up to its
     * amount) and the API as they call it (with their token).
     */
    record Customer(String id, String paymentId, Api api) {
    }

    /** @param bot the API as the bot that collects the shopping lists calls it */
    record Mall(String productId, List<Customer> customers, Api bot) {
    }

    /** Long enough for every function on the order's path to initialise on its first message (lazily, as on Lambda). */
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private MallSetup() {
    }

    static Mall create(Api anonymous, int customers, LoadOptions options) {
        BenchTokens tokens = BenchTokens.of(options);
        Api api = anonymous.as(tokens.staff());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String store = api.expect(201, "setup store", "POST", "/api/stores",
                Map.of("name", "Bench store " + run, "location", "Level 1")).text("id");
        api.expect(200, "setup store", "PUT", "/api/stores/" + store + "/participating", null);
        String product = api.expect(201, "setup product", "POST", "/api/stores/" + store + "/products",
                Map.of("name", "Bench bolt " + run, "description", "M4", "sku", "B-" + run, "price", "1.25")).text("id");
        List<Customer> made = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            // a customer's id is the subject of their token
            Api asCustomer = anonymous.as(tokens.customer(UUID.randomUUID().toString()));
            String customer = asCustomer.expect(201, "setup customer", "POST", "/api/customers",
                    Map.of("name", "Bench customer " + i, "smsNumber", "+1555" + String.format("%07d", i))).text("id");
            String payment = asCustomer.expect(201, "setup payment", "POST", "/api/payments",
                    Map.of("amount", "1000000.00")).text("id");
            made.add(new Customer(customer, payment, asCustomer));
        }
        Mall mall = new Mall(product, List.copyOf(made), anonymous.as(tokens.bot()));
        awaitFirstApprovedOrder(mall, options);
        return mall;
    }

    /** Orders until one is approved: a product the baskets or the depot do not know yet fails the order (404, rejected). */
    private static void awaitFirstApprovedOrder(Mall mall, LoadOptions options) {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            OrderResult probe = new OrderJourney(mall, mall.customers().getFirst(), options.poll(),
                    options.orderTimeout(), false).run();
            if (probe.approved()) {
                return;
            }
            last = probe.error();
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("no order was approved within " + READY_WITHIN.toSeconds()
                + " s of setting up the mall (last: " + last + ")");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Api.ApiFailure("interrupted", "interrupted");
        }
    }
}
