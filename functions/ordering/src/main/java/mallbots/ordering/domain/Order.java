package mallbots.ordering.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mallbots.ordering.domain.OrderEvent.OrderApproved;
import mallbots.ordering.domain.OrderEvent.OrderCanceled;
import mallbots.ordering.domain.OrderEvent.OrderCompleted;
import mallbots.ordering.domain.OrderEvent.OrderCreated;
import mallbots.ordering.domain.OrderEvent.OrderReadied;
import mallbots.ordering.domain.OrderEvent.OrderRejected;
import mallbots.platform.domain.Aggregate;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.RuleViolation;

/**
 * An order made from a checked-out basket (same id): pending while the create-order saga runs,
 * then rejected, or approved (with its shopping list), ready once the list is delivered,
 * completed once its invoice is paid; the customer may cancel it while pending or approved.
 *
 * <p>Every transition is idempotent in the domain's own terms: asking for the state the order is
 * already in (approve an order approved with that same list, reject a rejected one, ready a
 * ready one, complete with the same invoice) raises nothing, so a message that is redelivered
 * after the store forgot its id still changes nothing. A transition the order's state forbids is
 * a {@link RuleViolation} naming the state, e.g. "order X is canceled".
 *
 * <p>Each command takes the time it happens at; the order keeps when it reached each status
 * ({@link #statusTimes}), so that its view shows how long each stage of its life took.
 */
public final class Order extends Aggregate<OrderEvent, OrderSnapshot> {

    private String customerId;
    private String paymentId;
    private String shoppingId;
    private String invoiceId;
    private final List<OrderItem> items = new ArrayList<>();
    private Money total;
    private OrderStatus status;
    private String rejectedReason;
    private final Map<OrderStatus, Instant> statusTimes = new EnumMap<>(OrderStatus.class);

    /** The blank order that the event store restores and replays into; orders start at {@link #create}. */
    public Order(String id) {
        super(id);
    }

    /** A pending order for the checked-out lines; its total is the sum of price times quantity. */
    public static Order create(String id, String customerId, String paymentId, List<OrderItem> items,
            Instant at) {
        InvalidValue.requireText(id, "id");
        String customer = InvalidValue.requireText(customerId, "customerId");
        String payment = InvalidValue.requireText(paymentId, "paymentId");
        if (items == null || items.isEmpty()) {
            throw new InvalidValue("items must have at least one item");
        }
        Money total = items.stream().map(OrderItem::total).reduce(Money.ZERO, Money::plus);
        Order order = new Order(id);
        order.raise(new OrderCreated(customer, payment, items, total, Objects.requireNonNull(at, "at")));
        return order;
    }

    /** The saga approves a pending order with its shopping list. */
    public void approve(String shoppingListId, Instant at) {
        String list = InvalidValue.requireText(shoppingListId, "shoppingId");
        switch (status()) {
            case PENDING -> raise(new OrderApproved(list, Objects.requireNonNull(at, "at")));
            case APPROVED, READY, COMPLETED -> {
                if (!list.equals(shoppingId)) {
                    throw new RuleViolation("order " + id() + " is " + status.label() + " with shopping list "
                            + shoppingId + ", not " + list);
                }
                // approved with that list already: nothing to do
            }
            case REJECTED, CANCELED -> throw refused();
        }
    }

    /**
     * The saga's compensation: a pending order is rejected, with the saga's reason if it gave one;
     * one rejected or canceled already stays so.
     */
    public void reject(String reason, Instant at) {
        switch (status()) {
            case PENDING -> raise(new OrderRejected(Objects.requireNonNull(at, "at"),
                    reason == null || reason.isBlank() ? null : reason));
            case REJECTED, CANCELED -> {
                // out of the running already: the compensation has nothing to undo
            }
            case APPROVED, READY, COMPLETED -> throw refused();
        }
    }

    /**
     * The order's shopping list (it must be the one it was approved with) was delivered: an
     * approved order becomes ready; a ready or completed one stays as it is.
     */
    public void ready(String shoppingListId, Instant at) {
        String list = InvalidValue.requireText(shoppingListId, "shoppingListId");
        switch (status()) {
            case APPROVED -> {
                requireList(list);
                raise(new OrderReadied(Objects.requireNonNull(at, "at")));
            }
            case READY, COMPLETED -> requireList(list);
            case PENDING, REJECTED, CANCELED -> throw refused();
        }
    }

    /** The order's invoice was paid: a ready order completes; a completed one (same invoice) stays so. */
    public void complete(String paidInvoiceId, Instant at) {
        String invoice = InvalidValue.requireText(paidInvoiceId, "invoiceId");
        switch (status()) {
            case READY -> raise(new OrderCompleted(invoice, Objects.requireNonNull(at, "at")));
            case COMPLETED -> {
                if (!invoice.equals(invoiceId)) {
                    throw new RuleViolation("order " + id() + " is completed with invoice " + invoiceId
                            + ", not " + invoice);
                }
            }
            case PENDING, APPROVED, REJECTED, CANCELED -> throw refused();
        }
    }

    /** The customer cancels a pending or approved order. */
    public void cancel(Instant at) {
        switch (status()) {
            case PENDING, APPROVED -> raise(new OrderCanceled(Objects.requireNonNull(at, "at")));
            case REJECTED, READY, COMPLETED, CANCELED -> throw refused();
        }
    }

    /** True for an order that was stopped (rejected or canceled): events of its later life no longer apply. */
    public boolean stopped() {
        return status() == OrderStatus.REJECTED || status() == OrderStatus.CANCELED;
    }

    public String customerId() {
        return customerId;
    }

    public String paymentId() {
        return paymentId;
    }

    /** The shopping list it was approved with; null before. */
    public String shoppingId() {
        return shoppingId;
    }

    /** The invoice that paid for it; null before completion. */
    public String invoiceId() {
        return invoiceId;
    }

    public List<OrderItem> items() {
        return List.copyOf(items);
    }

    public Money total() {
        return total;
    }

    /** Why the saga rejected it (a participant's refusal, "timed out"); null when not rejected or not told. */
    public String rejectedReason() {
        return rejectedReason;
    }

    public OrderStatus status() {
        if (status == null) {
            throw new IllegalStateException("order " + id() + " was never created");
        }
        return status;
    }

    /**
     * When the order reached each status it went through, in the order of its life (pending
     * first); a status reached by an event stored without its time is missing.
     */
    public Map<OrderStatus, Instant> statusTimes() {
        return Collections.unmodifiableMap(new EnumMap<>(statusTimes));
    }

    /** When the order was created; null if its first event was stored without its time. */
    public Instant createdAt() {
        return statusTimes.get(OrderStatus.PENDING);
    }

    /** When the order last changed: the latest of its status times; null if none is known. */
    public Instant updatedAt() {
        return statusTimes.values().stream().max(Instant::compareTo).orElse(null);
    }

    @Override
    protected void when(OrderEvent event) {
        switch (event) {
            case OrderCreated created -> {
                customerId = created.customerId();
                paymentId = created.paymentId();
                items.clear();
                items.addAll(created.items());
                total = created.total();
                status = OrderStatus.PENDING;
            }
            case OrderApproved approved -> {
                shoppingId = approved.shoppingId();
                status = OrderStatus.APPROVED;
            }
            case OrderRejected rejected -> {
                rejectedReason = rejected.reason();
                status = OrderStatus.REJECTED;
            }
            case OrderReadied readied -> status = OrderStatus.READY;
            case OrderCompleted completed -> {
                invoiceId = completed.invoiceId();
                status = OrderStatus.COMPLETED;
            }
            case OrderCanceled canceled -> status = OrderStatus.CANCELED;
        }
        Instant at = switch (event) {
            case OrderCreated created -> created.at();
            case OrderApproved approved -> approved.at();
            case OrderRejected rejected -> rejected.at();
            case OrderReadied readied -> readied.at();
            case OrderCompleted completed -> completed.at();
            case OrderCanceled canceled -> canceled.at();
        };
        if (at != null) {
            statusTimes.put(status, at);
        }
    }

    @Override
    public OrderSnapshot snapshot() {
        return new OrderSnapshot(customerId, paymentId, shoppingId, invoiceId, items(), total, status, statusTimes(),
                rejectedReason);
    }

    @Override
    protected void restore(OrderSnapshot snapshot) {
        customerId = snapshot.customerId();
        paymentId = snapshot.paymentId();
        shoppingId = snapshot.shoppingId();
        invoiceId = snapshot.invoiceId();
        items.clear();
        items.addAll(snapshot.items());
        total = snapshot.total();
        status = snapshot.status();
        rejectedReason = snapshot.rejectedReason();
        statusTimes.clear();
        statusTimes.putAll(snapshot.statusTimes());
    }

    private void requireList(String list) {
        if (!list.equals(shoppingId)) {
            throw new RuleViolation("order " + id() + " has shopping list " + shoppingId + ", not " + list);
        }
    }

    private RuleViolation refused() {
        return new RuleViolation("order " + id() + " is " + status.label());
    }
}
