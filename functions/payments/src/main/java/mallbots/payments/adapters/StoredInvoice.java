package mallbots.payments.adapters;

import mallbots.payments.domain.Invoice;
import mallbots.payments.domain.InvoiceStatus;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Nullable;

/** An invoice as its item's {@code state} holds it (JSON; status "pending", "paid" or "canceled"). */
public record StoredInvoice(String id, String orderId, Money amount, String status, @Nullable String customerId) {

    static StoredInvoice of(Invoice invoice) {
        return new StoredInvoice(invoice.id(), invoice.orderId(), invoice.amount(), invoice.status().label(),
                invoice.customerId());
    }

    Invoice toInvoice() {
        return new Invoice(id, orderId, amount, InvoiceStatus.ofLabel(status), customerId);
    }
}
