package mallbots.messages.payments;

import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;

/** The messages mallbots.payments sends: its integration events and its replies to saga commands. */
public final class PaymentsMessages {

    public static final String SOURCE = "mallbots.payments";

    public static final MessageType<InvoiceCreated> INVOICE_CREATED =
            MessageType.of(SOURCE, "InvoiceCreated", InvoiceCreated.class);
    public static final MessageType<InvoicePaid> INVOICE_PAID =
            MessageType.of(SOURCE, "InvoicePaid", InvoicePaid.class);
    public static final MessageType<InvoiceCanceled> INVOICE_CANCELED =
            MessageType.of(SOURCE, "InvoiceCanceled", InvoiceCanceled.class);
    public static final MessageType<ConfirmPaymentReply> CONFIRM_PAYMENT_REPLY =
            MessageType.of(SOURCE, "ConfirmPaymentReply", ConfirmPaymentReply.class);

    public static final MessageTypes ALL = MessageTypes.of(
            INVOICE_CREATED,
            INVOICE_PAID,
            INVOICE_CANCELED,
            CONFIRM_PAYMENT_REPLY);

    private PaymentsMessages() {
    }
}
