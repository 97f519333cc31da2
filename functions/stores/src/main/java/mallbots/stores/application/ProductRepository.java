package mallbots.stores.application;

import java.util.Optional;
import java.util.function.Consumer;
import mallbots.platform.domain.NotFound;
import mallbots.stores.domain.Product;

/** The products as their history keeps them; saving a change also announces its events. */
public interface ProductRepository {

    /** Stores a new product and announces it; returns it as stored. */
    Product add(Product product);

    /**
     * Loads the product, runs {@code command} on it (possibly more than once, see
     * {@link StoreRepository#change}), saves and announces its events.
     *
     * @return the product as stored after the command
     * @throws NotFound if there is no such product
     */
    Product change(String productId, Consumer<Product> command);

    /** The product, removed ones included (they keep their history). */
    Optional<Product> find(String productId);
}
