package mallbots.payments.adapters;

import mallbots.messages.payments.InvoiceCanceled;
import mallbots.messages.payments.InvoiceCreated;
import mallbots.messages.payments.InvoicePaid;
import mallbots.messages.payments.PaymentsMessages;
import mallbots.payments.domain.InvoiceEvent;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;

/**
 * Turns what happened to an invoice into the integration event on the bus, stamped with the
 * invoice's id and the version of its item after the change.
 */
final class PaymentsAnnouncements {

    private static final MessageCodec CODEC = new MessageCodec(PaymentsMessages.ALL);

    private PaymentsAnnouncements() {
    }

    /** @param metadata the change's {@code Cause.followUp()}: a new flow for an HTTP request, the message's flow otherwise */
    static OutboundEvent of(InvoiceEvent event, Metadata metadata, long itemVersion) {
        Metadata stamped = metadata.withAggregate(event.invoiceId(), itemVersion);
        Message<?> message = switch (event) {
            case InvoiceEvent.InvoiceCreated created -> new Message<>(PaymentsMessages.INVOICE_CREATED, stamped,
                    new InvoiceCreated(created.invoiceId(), created.orderId(), created.amount()));
            case InvoiceEvent.InvoicePaid paid -> new Message<>(PaymentsMessages.INVOICE_PAID, stamped,
                    new InvoicePaid(paid.invoiceId(), paid.orderId(), paid.amount()));
            case InvoiceEvent.InvoiceCanceled canceled -> new Message<>(PaymentsMessages.INVOICE_CANCELED, stamped,
                    new InvoiceCanceled(canceled.invoiceId(), canceled.orderId(), canceled.amount()));
        };
        return OutboundEvent.of(message, CODEC);
    }
}
