package mallbots.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One customer's order through the HTTP API, as the README's "Try it" does it: start a basket,
 * add the product, check out, wait for the order to be approved; with {@code toCompleted} a bot
 * assigns itself the shopping list and completes it, the customer waits for the invoice, pays it
 * and waits for the order to complete. Every wait is bounded by the order's timeout.
 */
final class OrderJourney {

    private final Api api;
    private final MallSetup.Mall mall;
    private final MallSetup.Customer customer;
    private final Duration poll;
    private final Instant deadline;
    private final boolean toCompleted;

    private Instant checkoutSent;
    private Instant approvedSeen;
    private Instant listCompleteSent;
    private Instant invoiceSeen;
    private Instant paySent;
    private Instant completedSeen;
    private final Map<String, Instant> statusTimes = new HashMap<>();
    private int reads;
    private int readErrors;

    OrderJourney(MallSetup.Mall mall, MallSetup.Customer customer, Duration poll, Duration timeout,
            boolean toCompleted) {
        this.api = customer.api();
        this.mall = mall;
        this.customer = customer;
        this.poll = poll;
        this.deadline = Instant.now().plus(timeout);
        this.toCompleted = toCompleted;
    }

    /** Runs the order; never throws for what the system answers: a failure is in the result. */
    OrderResult run() {
        try {
            String order = api.expect(201, "start basket", "POST", "/api/baskets",
                    Map.of("customerId", customer.id())).text("id");
            api.expect(200, "addItem", "PUT", "/api/baskets/" + order + "/addItem",
                    Map.of("productId", mall.productId(), "quantity", 1));
            checkoutSent = api.expect(200, "checkout", "PUT", "/api/baskets/" + order + "/checkout",
                    Map.of("paymentId", customer.paymentId())).sent();
            JsonNode approved = awaitOrder(order, "approved");
            approvedSeen = Instant.now();
            if (toCompleted) {
                complete(order, approved.path("shoppingId").asText());
            }
            return result(true, toCompleted, null, null);
        } catch (Api.ApiFailure failure) {
            return result(approvedSeen != null, false, failure.kind(), failure.getMessage());
        }
    }

    private void complete(String order, String list) {
        String bot = "bench-bot-" + UUID.randomUUID().toString().substring(0, 8);
        await("assign", () -> mall.bot().call("PUT", "/api/depot/shopping/" + list + "/assign", Map.of("botId", bot)),
                answer -> answer.status() == 200, answer -> answer.status() == 409);
        listCompleteSent = mall.bot().expect(200, "complete list", "PUT", "/api/depot/shopping/" + list + "/complete",
                null).sent();
        await("invoiced", () -> api.call("GET", "/api/payments/invoices/" + order, null),
                answer -> answer.status() == 200 && answer.text("status").equals("pending"),
                answer -> answer.status() == 404);
        invoiceSeen = Instant.now();
        paySent = api.expect(200, "pay", "PUT", "/api/payments/invoices/" + order + "/pay", null).sent();
        awaitOrder(order, "completed");
        completedSeen = Instant.now();
    }

    /** Reads the order until it has the status (keeping its times); a rejected or canceled order fails. */
    private JsonNode awaitOrder(String order, String status) {
        Api.Answer answer = await(status, () -> api.call("GET", "/api/ordering/" + order, null),
                read -> read.status() == 200 && read.text("status").equals(status),
                read -> read.status() == 404 || (read.status() == 200 && !read.text("status").equals("rejected")
                        && !read.text("status").equals("canceled")));
        answer.body().path("statusTimes").properties()
                .forEach(time -> statusTimes.put(time.getKey(), Instant.parse(time.getValue().asText())));
        return answer.body();
    }

    /** The longest pause between two reads: the poll interval doubles from --poll-ms up to this. */
    static final Duration LONGEST_POLL = Duration.ofMillis(400);

    /**
     * Calls until {@code done}; while {@code wait} holds it calls again after a pause that starts
     * at the poll interval and doubles up to {@link #LONGEST_POLL} (so that a slow system is not
     * flooded with reads, and a fast one is seen within a poll interval or two); anything else
     * fails the order ("approved 500", "approved rejected"), as does the deadline. A read that
     * fails on the way (an I/O error: reads are safe to repeat) is read again, and counted. The
     * stage times that matter come from the order's own times, not from when the client saw them.
     */
    private Api.Answer await(String what, java.util.function.Supplier<Api.Answer> call, Predicate<Api.Answer> done,
            Predicate<Api.Answer> wait) {
        Duration pause = poll;
        while (true) {
            Api.Answer answer;
            try {
                answer = call.get();
                reads++;
            } catch (Api.ApiFailure failure) {
                if (!failure.kind().equals("io")) {
                    throw failure;
                }
                readErrors++;
                answer = null;
            }
            if (answer != null && done.test(answer)) {
                return answer;
            }
            if (answer != null && !wait.test(answer)) {
                String state = answer.status() == 200 ? answer.text("status") : Integer.toString(answer.status());
                throw new Api.ApiFailure(what + " " + state, what + ": answered " + answer.status() + " "
                        + (answer.body() == null ? "" : answer.body().toString()));
            }
            if (Instant.now().plus(pause).isAfter(deadline)) {
                throw new Api.ApiFailure("timeout " + what, "not " + what + " before the order's timeout");
            }
            MallSetup.pause(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? max(poll, LONGEST_POLL) : pause.multipliedBy(2);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private OrderResult result(boolean approved, boolean completed, String kind, String error) {
        return new OrderResult(approved, completed, kind, error, checkoutSent, approvedSeen, listCompleteSent,
                invoiceSeen, paySent, completedSeen, statusTimes, reads, readErrors);
    }
}
