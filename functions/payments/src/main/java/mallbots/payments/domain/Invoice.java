package mallbots.payments.domain;

import java.util.Objects;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.RuleViolation;

/**
 * The bill of a ready order. Its id is the order's id, so that one order has at most one invoice
 * and {@code GET /api/payments/invoices/{orderId}} finds it. Issued pending; a pending invoice is
 * either paid or canceled (with its order), and then stays so. Each command returns the invoice
 * it leads to together with the event that announces it. The customer of the order is kept so
 * that only they see and pay it ({@code null} for an invoice stored before it was kept).
 */
public record Invoice(String id, String orderId, Money amount, InvoiceStatus status, String customerId) {

    public Invoice {
        InvalidValue.requireText(id, "id");
        InvalidValue.requireText(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        if (amount.isNegative()) {
            throw new InvalidValue("amount must not be negative: " + amount);
        }
    }

    /** The invoice after a command, and the event that says so. */
    public record Changed(Invoice invoice, InvoiceEvent event) {
    }

    /** A pending invoice of {@code amount} for the order {@code orderId} of a customer, under the order's id. */
    public static Changed issue(String orderId, String customerId, Money amount) {
        Invoice invoice = new Invoice(orderId, orderId, amount, InvoiceStatus.PENDING, customerId);
        return new Changed(invoice, new InvoiceEvent.InvoiceCreated(invoice.id(), orderId, amount));
    }

    public boolean pending() {
        return status == InvoiceStatus.PENDING;
    }

    public Changed pay() {
        requirePending("paid");
        return new Changed(with(InvoiceStatus.PAID), new InvoiceEvent.InvoicePaid(id, orderId, amount));
    }

    public Changed cancel() {
        requirePending("canceled");
        return new Changed(with(InvoiceStatus.CANCELED), new InvoiceEvent.InvoiceCanceled(id, orderId, amount));
    }

    private void requirePending(String becoming) {
        if (!pending()) {
            throw new RuleViolation("invoice " + id + " is " + status.label() + ": only a pending invoice can be "
                    + becoming);
        }
    }

    private Invoice with(InvoiceStatus newStatus) {
        return new Invoice(id, orderId, amount, newStatus, customerId);
    }
}
