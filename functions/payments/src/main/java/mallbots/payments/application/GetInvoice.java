package mallbots.payments.application;

import java.util.Objects;
import mallbots.payments.domain.Invoice;
import mallbots.platform.domain.NotFound;

/** Reads one invoice (its id is its order's id). */
public final class GetInvoice {

    private final InvoiceRepository invoices;

    public GetInvoice(InvoiceRepository invoices) {
        this.invoices = Objects.requireNonNull(invoices, "invoices");
    }

    /** @throws NotFound if there is no such invoice */
    public Invoice get(String invoiceId) {
        return invoices.find(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
    }
}
