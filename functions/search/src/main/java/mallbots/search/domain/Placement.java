package mallbots.search.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import mallbots.platform.domain.Money;

/** What OrderCreated says of an order, which no later event changes: who, what, how much, when. */
public record Placement(String customerId, List<OrderLine> items, Money total, Instant createdAt) {

    public Placement {
        Objects.requireNonNull(customerId, "customerId");
        items = List.copyOf(items);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public List<String> storeIds() {
        return items.stream().map(OrderLine::storeId).distinct().toList();
    }

    public List<String> productIds() {
        return items.stream().map(OrderLine::productId).distinct().toList();
    }
}
