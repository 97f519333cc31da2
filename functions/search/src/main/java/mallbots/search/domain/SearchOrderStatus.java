package mallbots.search.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An order's status, in the ordering context's words (lowercase on the wire and in the table). */
public enum SearchOrderStatus {
    PENDING, APPROVED, REJECTED, READY, COMPLETED, CANCELED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchOrderStatus> ofWord(String word) {
        return Arrays.stream(values()).filter(status -> status.word().equals(word)).findFirst();
    }
}
