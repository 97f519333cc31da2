package mallbots.payments.domain;

import java.util.Arrays;
import java.util.Locale;

/** Where an invoice is: issued and waiting to be paid, paid, or canceled with its order. */
public enum InvoiceStatus {
    PENDING,
    PAID,
    CANCELED;

    /** The name the API and the stored items use: "pending", "paid", "canceled". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus ofLabel(String label) {
        return Arrays.stream(values()).filter(status -> status.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invoice status \"" + label + "\""));
    }
}
