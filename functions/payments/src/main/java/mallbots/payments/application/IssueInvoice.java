package mallbots.payments.application;

import java.util.Objects;
import java.util.Optional;
import mallbots.payments.domain.Invoice;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Cause;

/**
 * Issues the pending invoice of an order that became ready (OrderReadied), under the order's id.
 * An order has one invoice: if it already has one, nothing happens.
 */
public final class IssueInvoice {

    private final InvoiceRepository invoices;

    public IssueInvoice(InvoiceRepository invoices) {
        this.invoices = Objects.requireNonNull(invoices, "invoices");
    }

    /** @return whether an invoice was issued (false for a redelivery or an order already invoiced) */
    public boolean issue(Cause cause, String orderId, String customerId, Money total) {
        return invoices.apply(orderId, cause, existing -> existing.isPresent()
                ? Optional.empty()
                : Optional.of(Invoice.issue(orderId, customerId, total)));
    }
}
