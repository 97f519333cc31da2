package mallbots.ordering.domain;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class Order extends Aggregate<OrderEvent, OrderSnapshot> {

    private String customerId;
    private String paymentId;
    private String shoppingId;
    private String invoiceId;
    private final List<OrderItem> items = new ArrayList<>();
    private Money total;
    private OrderStatus status;

    /** The blank order that the event store restores and replays into; orders start at {@link #create}. */
    public Order(String id) {
        super(id);
    }

    /** A pending order for the checked-out lines; its total is the sum of price times quantity. */
    public static Order create(String id, String customerId, String paymentId, List<OrderItem> items) {
        InvalidValue.requireText(id, "id");
        String customer = InvalidValue.requireText(customerId, "customerId");
        String payment = InvalidValue.requireText(paymentId, "paymentId");
        if (items == null || items.isEmpty()) {
            throw new InvalidValue("items must have at least one item");
        }
        Money total = items.stream().map(OrderItem::total).reduce(Money.ZERO, Money::plus);
        Order order = new Order(id);
        order.raise(new OrderCreated(customer, payment, items, total));
        return order;
    }

    /** The saga approves a pending order with its shopping list. */
    public void approve(String shoppingListId) {
        String list = InvalidValue.requireText(shoppingListId, "shoppingId");
        switch (status()) {
            case PENDING -> raise(new OrderApproved(list));
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

    /** The saga's compensation: a pending order is rejected; one rejected or canceled already stays so. */
    public void reject() {
        switch (status()) {
            case PENDING -> raise(new OrderRejected());
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
    public void ready(String shoppingListId) {
        String list = InvalidValue.requireText(shoppingListId, "shoppingListId");
        switch (status()) {
            case APPROVED -> {
                requireList(list);
                raise(new OrderReadied());
            }
            case READY, COMPLETED -> requireList(list);
            case PENDING, REJECTED, CANCELED -> throw refused();
        }
    }

    /** The order's invoice was paid: a ready order completes; a completed one (same invoice) stays so. */
    public void complete(String paidInvoiceId) {
        String invoice = InvalidValue.requireText(paidInvoiceId, "invoiceId");
        switch (status()) {
            case READY -> raise(new OrderCompleted(invoice));
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
    public void cancel() {
        switch (status()) {
            case PENDING, APPROVED -> raise(new OrderCanceled());
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

    public OrderStatus status() {
        if (status == null) {
            throw new IllegalStateException("order " + id() + " was never created");
        }
        return status;
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
            case OrderRejected rejected -> status = OrderStatus.REJECTED;
            case OrderReadied readied -> status = OrderStatus.READY;
            case OrderCompleted completed -> {
                invoiceId = completed.invoiceId();
                status = OrderStatus.COMPLETED;
            }
            case OrderCanceled canceled -> status = OrderStatus.CANCELED;
        }
    }

    @Override
    public OrderSnapshot snapshot() {
        return new OrderSnapshot(customerId, paymentId, shoppingId, invoiceId, items(), total, status);
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
