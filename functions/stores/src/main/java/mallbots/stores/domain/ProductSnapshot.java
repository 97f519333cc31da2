package mallbots.stores.domain;

import mallbots.platform.domain.Money;

/** The whole state of a product at one version. */
public record ProductSnapshot(
        String storeId, String name, String description, String sku, Money price, boolean removed) {
}
