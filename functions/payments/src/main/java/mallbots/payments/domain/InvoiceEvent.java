package mallbots.payments.domain;

import mallbots.platform.domain.Money;

/** What happened to an invoice; each is announced on the bus as the integration event of the same name. */
public sealed interface InvoiceEvent {

    String invoiceId();

    String orderId();

    Money amount();

    record InvoiceCreated(String invoiceId, String orderId, Money amount) implements InvoiceEvent {
    }

    record InvoicePaid(String invoiceId, String orderId, Money amount) implements InvoiceEvent {
    }

    record InvoiceCanceled(String invoiceId, String orderId, Money amount) implements InvoiceEvent {
    }
}
