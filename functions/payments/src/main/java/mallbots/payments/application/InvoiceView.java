package mallbots.payments.application;

import mallbots.payments.domain.Invoice;

/** An invoice as the API shows it: {"id", "orderId", "amount": "12.50", "status": "pending|paid|canceled"}. */
public record InvoiceView(String id, String orderId, String amount, String status) {

    public static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.id(), invoice.orderId(), invoice.amount().toString(), invoice.status().label());
    }
}
