package mallbots.search.application;

import java.time.Instant;
import java.util.List;
import mallbots.platform.domain.Money;

/** An order as the API answers it; names from the caches, or as at checkout if a cache does not know them. */
public record SearchOrderView(String orderId, String customerId, String customerName, List<Item> items, Money total,
        String status, List<String> storeIds, List<String> productIds, Instant createdAt, Instant updatedAt) {

    public record Item(String productId, String productName, String storeId, String storeName, Money price,
            int quantity) {
    }
}
