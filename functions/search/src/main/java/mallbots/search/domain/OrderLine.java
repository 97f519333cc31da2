package mallbots.search.domain;

import mallbots.platform.domain.Money;

/** A line of an order as OrderCreated told it, with the names at checkout (the caches may know newer ones). */
public record OrderLine(String productId, String storeId, String storeName, String productName, Money price,
        int quantity) {
}
