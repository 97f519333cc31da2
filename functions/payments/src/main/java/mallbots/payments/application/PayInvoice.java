package mallbots.payments.application;

import java.util.Objects;
import mallbots.payments.domain.Invoice;
import mallbots.platform.messaging.Cause;

/** Pays a pending invoice; ordering completes the order when it hears InvoicePaid. */
public final class PayInvoice {

    private final InvoiceRepository invoices;

    public PayInvoice(InvoiceRepository invoices) {
        this.invoices = Objects.requireNonNull(invoices, "invoices");
    }

    /**
     * @throws mallbots.platform.domain.NotFound if there is no such invoice
     * @throws mallbots.platform.domain.RuleViolation if it is not pending
     */
    public Invoice pay(Cause cause, String invoiceId) {
        return invoices.change(invoiceId, cause, Invoice::pay);
    }
}
