package mallbots.search.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import mallbots.platform.domain.InvalidValue;
import mallbots.search.domain.Placement;
import mallbots.search.domain.SearchOrder;
import mallbots.search.domain.SearchOrderStatus;

/**
 * A search of orders: every filter given must hold (an order matches storeIds/productIds when it
 * involves all of them); newest first, at most {@code limit} per page, {@code next} the opaque
 * token of the page before (null for the first).
 */
public record OrderQuery(String customerId, List<String> storeIds, List<String> productIds, SearchOrderStatus status,
        Instant createdAfter, Instant createdBefore, int limit, String next) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public OrderQuery {
        storeIds = storeIds == null ? List.of() : List.copyOf(new TreeSet<>(storeIds));
        productIds = productIds == null ? List.of() : List.copyOf(new TreeSet<>(productIds));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit: must be from 1 to " + MAX_LIMIT);
        }
        if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
            throw new InvalidValue("createdAfter: must be before createdBefore");
        }
    }

    /**
     * What the query asks, without its paging: a token is valid only for the same identity.
     * createdAfter is inclusive, createdBefore exclusive.
     */
    public String identity() {
        return String.join("|", Objects.toString(customerId, ""), String.join(",", storeIds),
                String.join(",", productIds), status == null ? "" : status.word(),
                Objects.toString(createdAfter, ""), Objects.toString(createdBefore, ""));
    }

    /** Whether a read-model order satisfies every filter. */
    public boolean matches(SearchOrder order) {
        if (!order.visible()) {
            return false;
        }
        Placement placement = order.placement();
        return (customerId == null || customerId.equals(placement.customerId()))
                && placement.storeIds().containsAll(storeIds)
                && placement.productIds().containsAll(productIds)
                && (status == null || status == order.status().value())
                && (createdAfter == null || !placement.createdAt().isBefore(createdAfter))
                && (createdBefore == null || placement.createdAt().isBefore(createdBefore));
    }
}
