package mallbots.payments.application;

import java.util.Objects;
import java.util.Optional;
import mallbots.payments.domain.Invoice;
import mallbots.platform.messaging.Cause;

/**
 * Cancels the pending invoice of a canceled order (OrderCanceled). An order without an invoice
 * (the usual case: only a ready order is invoiced, and a ready order cannot be canceled) or with
 * one already paid or canceled leaves nothing to do.
 */
public final class CancelInvoice {

    private final InvoiceRepository invoices;

    public CancelInvoice(InvoiceRepository invoices) {
        this.invoices = Objects.requireNonNull(invoices, "invoices");
    }

    /** @return whether an invoice was canceled */
    public boolean cancel(Cause cause, String orderId) {
        return invoices.apply(orderId, cause, existing -> existing
                .filter(Invoice::pending)
                .map(Invoice::cancel));
    }
}
