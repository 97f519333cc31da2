package mallbots.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mallbots.ordering.domain.OrderEvent.OrderApproved;
import mallbots.ordering.domain.OrderEvent.OrderCanceled;
import mallbots.ordering.domain.OrderEvent.OrderCompleted;
import mallbots.ordering.domain.OrderEvent.OrderCreated;
import mallbots.ordering.domain.OrderEvent.OrderReadied;
import mallbots.ordering.domain.OrderEvent.OrderRejected;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.json.Json;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final String ID = "5f2c8e1a-3b4d-4c6e-8f7a-9b0c1d2e3f41";
    private static final String LIST = "list-1";
    private static final Instant AT = Instant.parse("2026-12-02T04:30:00.125Z");
    private static final List<OrderItem> ITEMS = List.of(
            new OrderItem("apple", "shop", "Corner Shop", "Apple", Money.of("1.50"), 3),
            new OrderItem("pear", "shop", "Corner Shop", "Pear", Money.of("0.90"), 2));

    @Test
    void aNewOrderIsPendingWithTheSumOfItsLines() {
        Order order = Order.create(ID, "customer", "payment", ITEMS, AT);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.total()).isEqualTo(Money.of("6.30"));
        assertThat(order.items()).isEqualTo(ITEMS);
        assertThat(order.uncommittedEvents()).extracting(VersionedEvent::event)
                .containsExactly(new OrderCreated("customer", "payment", ITEMS, Money.of("6.30"), AT));
    }

    @Test
    void anOrderNeedsItsCustomerPaymentAndLines() {
        assertThatThrownBy(() -> Order.create(ID, " ", "payment", ITEMS, AT)).isInstanceOf(InvalidValue.class)
                .hasMessage("customerId is required");
        assertThatThrownBy(() -> Order.create(ID, "customer", null, ITEMS, AT)).isInstanceOf(InvalidValue.class)
                .hasMessage("paymentId is required");
        assertThatThrownBy(() -> Order.create(ID, "customer", "payment", List.of(), AT))
                .isInstanceOf(InvalidValue.class).hasMessage("items must have at least one item");
        assertThatThrownBy(() -> new OrderItem("p", "s", "S", "P", Money.of("1.00"), 0))
                .isInstanceOf(InvalidValue.class).hasMessage("quantity must be at least 1, was 0");
    }

    @Test
    void theHappyLifeRunsFromPendingToCompleted() {
        Order order = committed();

        order.approve(LIST, AT);
        order.ready(LIST, AT);
        order.complete("invoice", AT);

        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.shoppingId()).isEqualTo(LIST);
        assertThat(order.invoiceId()).isEqualTo("invoice");
        assertThat(order.uncommittedEvents()).extracting(VersionedEvent::event).containsExactly(
                new OrderApproved(LIST, AT), new OrderReadied(AT), new OrderCompleted("invoice", AT));
        assertThat(order.uncommittedEvents()).extracting(VersionedEvent::version).containsExactly(2L, 3L, 4L);
    }

    @Test
    void theOrderKeepsWhenItReachedEachStatusThroughSnapshotsAndReplay() throws Exception {
        Instant created = Instant.parse("2026-12-02T04:30:00.001Z");
        Instant approved = created.plusMillis(180);
        Instant readied = approved.plusSeconds(2);
        Instant completed = readied.plusMillis(350);
        Order order = Order.create(ID, "customer", "payment", ITEMS, created);
        order.approve(LIST, approved);
        order.ready(LIST, readied);
        order.approve(LIST, completed); // asked again: raises nothing, keeps the time it was approved
        order.complete("invoice", completed);

        Map<OrderStatus, Instant> expected = Map.of(OrderStatus.PENDING, created, OrderStatus.APPROVED, approved,
                OrderStatus.READY, readied, OrderStatus.COMPLETED, completed);
        assertThat(order.statusTimes()).isEqualTo(expected);
        assertThat(order.statusTimes().keySet()).containsExactly(OrderStatus.PENDING, OrderStatus.APPROVED,
                OrderStatus.READY, OrderStatus.COMPLETED);
        assertThat(order.createdAt()).isEqualTo(created);
        assertThat(order.updatedAt()).isEqualTo(completed);

        Order replayed = new Order(ID);
        order.uncommittedEvents().forEach(replayed::replay);
        assertThat(replayed.statusTimes()).isEqualTo(expected);
        Order restored = new Order(ID);
        restored.restoreSnapshot(4, Json.mapper().readValue(Json.mapper().writeValueAsString(order.snapshot()),
                OrderSnapshot.class));
        assertThat(restored.statusTimes()).isEqualTo(expected);
    }

    @Test
    void eventsAndSnapshotsStoredBeforeTheOrderKeptItsTimesStillLoad() throws Exception {
        Order order = new Order(ID);
        order.replay(new VersionedEvent<>(1, Json.mapper().readValue(
                "{\"customerId\":\"customer\",\"paymentId\":\"payment\",\"items\":[],\"total\":\"0.00\"}",
                OrderCreated.class)));
        order.replay(new VersionedEvent<>(2, new OrderApproved(LIST, AT)));

        assertThat(order.statusTimes()).isEqualTo(Map.of(OrderStatus.APPROVED, AT));
        assertThat(order.createdAt()).isNull();
        assertThat(order.updatedAt()).isEqualTo(AT);
        Order restored = new Order(ID);
        restored.restoreSnapshot(3, Json.mapper().readValue("{\"customerId\":\"c\",\"paymentId\":\"p\","
                + "\"items\":[],\"total\":\"0.00\",\"status\":\"READY\"}", OrderSnapshot.class));
        assertThat(restored.statusTimes()).isEmpty();
        assertThat(restored.updatedAt()).isNull();
    }

    @Test
    void askingForTheStateTheOrderIsInAlreadyRaisesNothing() {
        assertUnchanged(in(OrderStatus.APPROVED), order -> order.approve(LIST, AT));
        assertUnchanged(in(OrderStatus.READY), order -> order.approve(LIST, AT));
        assertUnchanged(in(OrderStatus.COMPLETED), order -> order.approve(LIST, AT));
        assertUnchanged(in(OrderStatus.REJECTED), order -> order.reject(null, AT));
        assertUnchanged(in(OrderStatus.CANCELED), order -> order.reject(null, AT));
        assertUnchanged(in(OrderStatus.READY), order -> order.ready(LIST, AT));
        assertUnchanged(in(OrderStatus.COMPLETED), order -> order.ready(LIST, AT));
        assertUnchanged(in(OrderStatus.COMPLETED), order -> order.complete("invoice", AT));
    }

    @Test
    void aTransitionTheStateForbidsIsRefusedNamingTheState() {
        assertRefused(in(OrderStatus.CANCELED), order -> order.approve(LIST, AT), "order " + ID + " is canceled");
        assertRefused(in(OrderStatus.REJECTED), order -> order.approve(LIST, AT), "order " + ID + " is rejected");
        assertRefused(in(OrderStatus.APPROVED), order -> order.approve("list-2", AT),
                "order " + ID + " is approved with shopping list " + LIST + ", not list-2");
        assertRefused(in(OrderStatus.APPROVED), order -> order.reject(null, AT), "order " + ID + " is approved");
        assertRefused(in(OrderStatus.COMPLETED), order -> order.reject(null, AT), "order " + ID + " is completed");
        assertRefused(in(OrderStatus.PENDING), order -> order.ready(LIST, AT), "order " + ID + " is pending");
        assertRefused(in(OrderStatus.CANCELED), order -> order.ready(LIST, AT), "order " + ID + " is canceled");
        assertRefused(in(OrderStatus.APPROVED), order -> order.ready("list-2", AT),
                "order " + ID + " has shopping list " + LIST + ", not list-2");
        assertRefused(in(OrderStatus.APPROVED), order -> order.complete("invoice", AT), "order " + ID + " is approved");
        assertRefused(in(OrderStatus.CANCELED), order -> order.complete("invoice", AT), "order " + ID + " is canceled");
        assertRefused(in(OrderStatus.COMPLETED), order -> order.complete("invoice-2", AT),
                "order " + ID + " is completed with invoice invoice, not invoice-2");
        for (OrderStatus status : List.of(OrderStatus.REJECTED, OrderStatus.READY, OrderStatus.COMPLETED,
                OrderStatus.CANCELED)) {
            assertRefused(in(status), order -> order.cancel(AT), "order " + ID + " is " + status.label());
        }
    }

    @Test
    void pendingAndApprovedOrdersCanBeCanceled() {
        Order pending = in(OrderStatus.PENDING);
        Order approved = in(OrderStatus.APPROVED);

        pending.cancel(AT);
        approved.cancel(AT);

        assertThat(pending.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(approved.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(approved.shoppingId()).isEqualTo(LIST);
        assertThat(approved.uncommittedEvents()).extracting(VersionedEvent::event)
                .containsExactly(new OrderCanceled(AT));
        assertThat(in(OrderStatus.PENDING).stopped()).isFalse();
        assertThat(in(OrderStatus.REJECTED).stopped()).isTrue();
        assertThat(pending.stopped()).isTrue();
    }

    @Test
    void aSnapshotRestoresTheWholeOrderAndSurvivesItsStoredForm() throws Exception {
        Order completed = in(OrderStatus.COMPLETED);
        String stored = Json.mapper().writeValueAsString(completed.snapshot());

        Order restored = new Order(ID);
        restored.restoreSnapshot(4, Json.mapper().readValue(stored, OrderSnapshot.class));

        assertThat(restored.snapshot()).isEqualTo(completed.snapshot());
        assertThat(restored.version()).isEqualTo(4);
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(new OrderRejected(AT, "timed out")),
                OrderRejected.class)).isEqualTo(new OrderRejected(AT, "timed out"));
        // an event stored before the reason was recorded reads as a rejection without one
        assertThat(Json.mapper().readValue("{\"at\":\"2026-01-01T00:00:00Z\"}", OrderRejected.class).reason())
                .isNull();
    }

    @Test
    void aRejectedOrderKeepsTheSagasReasonThroughItsSnapshot() throws Exception {
        Order order = in(OrderStatus.PENDING);
        order.reject("timed out", AT);
        assertThat(order.rejectedReason()).isEqualTo("timed out");
        Order restored = new Order(ID);
        restored.restoreSnapshot(2, Json.mapper().readValue(Json.mapper().writeValueAsString(order.snapshot()),
                OrderSnapshot.class));
        assertThat(restored.rejectedReason()).isEqualTo("timed out");
        // rejecting again (a repeated compensation) keeps the first reason
        restored.reject("customer is disabled", AT);
        assertThat(restored.rejectedReason()).isEqualTo("timed out");
    }

    /** A stored order (committed) in the given status, reached through its real transitions. */
    private static Order in(OrderStatus status) {
        Order order = committed();
        switch (status) {
            case PENDING -> {
            }
            case REJECTED -> order.reject(null, AT);
            case CANCELED -> order.cancel(AT);
            case APPROVED -> order.approve(LIST, AT);
            case READY -> {
                order.approve(LIST, AT);
                order.ready(LIST, AT);
            }
            case COMPLETED -> {
                order.approve(LIST, AT);
                order.ready(LIST, AT);
                order.complete("invoice", AT);
            }
        }
        order.markCommitted();
        assertThat(order.status()).isEqualTo(status);
        return order;
    }

    private static Order committed() {
        Order order = Order.create(ID, "customer", "payment", ITEMS, AT);
        order.markCommitted();
        return order;
    }

    private static void assertUnchanged(Order order, Consumer<Order> command) {
        OrderSnapshot before = order.snapshot();
        command.accept(order);
        assertThat(order.uncommittedEvents()).isEmpty();
        assertThat(order.snapshot()).isEqualTo(before);
    }

    private static void assertRefused(Order order, Consumer<Order> command, String reason) {
        OrderSnapshot before = order.snapshot();
        assertThatThrownBy(() -> command.accept(order)).isInstanceOf(RuleViolation.class).hasMessage(reason);
        assertThat(order.uncommittedEvents()).isEmpty();
        assertThat(order.snapshot()).isEqualTo(before);
    }
}
