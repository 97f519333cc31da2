package mallbots.search.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.domain.NotFound;
import mallbots.search.domain.CachedName;
import mallbots.search.domain.OrderLine;
import mallbots.search.domain.Placement;
import mallbots.search.domain.SearchOrder;

/**
 * The queries. Names are resolved when a view is made, from the caches: a customer registered
 * (or a store rebranded) after the order was projected shows at the next read, with no write to
 * the orders it concerns. The read costs one batch read of the caches per page.
 */
public final class FindOrders {

    private final SearchOrders orders;
    private final EntityCache<CachedName> customerNames;
    private final EntityCache<CachedName> storeNames;
    private final EntityCache<CachedName> productNames;

    public FindOrders(SearchOrders orders, EntityCache<CachedName> customerNames, EntityCache<CachedName> storeNames,
            EntityCache<CachedName> productNames) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.customerNames = Objects.requireNonNull(customerNames, "customerNames");
        this.storeNames = Objects.requireNonNull(storeNames, "storeNames");
        this.productNames = Objects.requireNonNull(productNames, "productNames");
    }

    public SearchOrderView get(String orderId) {
        SearchOrder order = orders.find(orderId).filter(SearchOrder::visible)
                .orElseThrow(() -> NotFound.of("order", orderId));
        return views(List.of(order)).getFirst();
    }

    public Result search(OrderQuery query) {
        OrderPage page = orders.search(query);
        return new Result(views(page.orders()), page.next());
    }

    /** A page of views and the token of the next page (null: no more). */
    public record Result(List<SearchOrderView> orders, String next) {
    }

    private List<SearchOrderView> views(List<SearchOrder> page) {
        List<Placement> placements = page.stream().map(SearchOrder::placement).toList();
        Map<String, String> customers = names(customerNames,
                placements.stream().map(Placement::customerId).toList());
        Map<String, String> stores = names(storeNames,
                placements.stream().flatMap(p -> p.storeIds().stream()).toList());
        Map<String, String> products = names(productNames,
                placements.stream().flatMap(p -> p.productIds().stream()).toList());
        return page.stream().map(order -> {
            Placement placement = order.placement();
            List<SearchOrderView.Item> items = placement.items().stream()
                    .map(line -> item(line, stores, products)).toList();
            return new SearchOrderView(order.orderId(), placement.customerId(), customers.get(placement.customerId()),
                    items, placement.total(), order.status().value().word(), placement.storeIds(),
                    placement.productIds(), placement.createdAt(), order.updatedAt());
        }).toList();
    }

    private static SearchOrderView.Item item(OrderLine line, Map<String, String> stores, Map<String, String> products) {
        return new SearchOrderView.Item(line.productId(), products.getOrDefault(line.productId(), line.productName()),
                line.storeId(), stores.getOrDefault(line.storeId(), line.storeName()), line.price(), line.quantity());
    }

    /** The known names of these ids (an id with no known name is absent), in one batch read. */
    private static Map<String, String> names(EntityCache<CachedName> cache, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        cache.findAll(ids).forEach((id, cached) -> {
            if (cached.name().known()) {
                names.put(id, cached.name().value());
            }
        });
        return names;
    }
}
