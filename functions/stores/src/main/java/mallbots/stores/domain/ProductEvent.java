package mallbots.stores.domain;

import mallbots.platform.domain.DomainEvent;
import mallbots.platform.domain.Money;

/**
 * What happened to a product. The product's id is the aggregate id. A price change carries the
 * new price as well as the delta (new minus old), so that a consumer that missed or reordered an
 * event still ends with the right price.
 */
public sealed interface ProductEvent extends DomainEvent {

    record ProductAdded(String storeId, String name, String description, String sku, Money price)
            implements ProductEvent {
    }

    record ProductRebranded(String name, String description) implements ProductEvent {
    }

    /** {@code delta} is positive. */
    record ProductPriceIncreased(Money price, Money delta) implements ProductEvent {
    }

    /** {@code delta} is negative. */
    record ProductPriceDecreased(Money price, Money delta) implements ProductEvent {
    }

    /** The store took the product out of its catalog; the product accepts no command after this. */
    record ProductRemoved(String storeId) implements ProductEvent {
    }
}
