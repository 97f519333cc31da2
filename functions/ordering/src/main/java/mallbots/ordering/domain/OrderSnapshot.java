package mallbots.ordering.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import mallbots.platform.domain.Money;

/**
 * The whole state of an order at one version; shoppingId and invoiceId are null until set;
 * statusTimes is when the order reached each status it went through (null in a snapshot stored
 * before the order recorded its times: read as none); rejectedReason is why the saga rejected it
 * (null when not rejected, not told, or in a snapshot stored before it was recorded).
 */
public record OrderSnapshot(String customerId, String paymentId, String shoppingId, String invoiceId,
        List<OrderItem> items, Money total, OrderStatus status, Map<OrderStatus, Instant> statusTimes,
        String rejectedReason) {

    public OrderSnapshot {
        items = List.copyOf(items);
        statusTimes = statusTimes == null ? Map.of() : Map.copyOf(statusTimes);
    }
}
