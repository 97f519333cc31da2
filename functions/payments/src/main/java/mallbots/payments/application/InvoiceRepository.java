package mallbots.payments.application;

import java.util.Optional;
import java.util.function.Function;
import mallbots.payments.domain.Invoice;
import mallbots.platform.messaging.Cause;

/**
 * Where invoices are kept. Every change is stored together with the integration event that
 * announces it, so that the two are never separated.
 */
public interface InvoiceRepository {

    Optional<Invoice> find(String invoiceId);

    /**
     * Runs {@code command} on the invoice as stored and stores what it leads to, announcing its
     * event as {@code cause}'s follow-up (the start of a flow for an HTTP request). The command may
     * run again if another writer changed the invoice meanwhile.
     *
     * @return the invoice after the change
     * @throws mallbots.platform.domain.NotFound if there is no such invoice
     */
    Invoice change(String invoiceId, Cause cause, Function<Invoice, Invoice.Changed> command);

    /**
     * Applies the message that is {@code cause} to the invoice {@code invoiceId} exactly once: {@code decide}
     * gets the invoice as stored (empty if there is none) and returns the change to store and
     * announce (the event caused by {@code cause}), or empty for none. A message already applied
     * to the invoice does not run {@code decide} again.
     *
     * @return whether a change was stored
     */
    boolean apply(String invoiceId, Cause cause, Function<Optional<Invoice>, Optional<Invoice.Changed>> decide);
}
