package mallbots.search.domain;

import java.time.Instant;
import java.util.Objects;
import mallbots.platform.domain.Versioned;

/**
 * The read model of one order, merged from its events in any order: the placement (from
 * OrderCreated; null until it is seen) and the status as of the newest order version seen. An
 * event that arrives before OrderCreated is kept (its status and version) and the placement
 * joins it later, so nothing is lost and nothing has to be redelivered. {@code updatedAt} is
 * when the newest event seen occurred.
 */
public record SearchOrder(String orderId, Placement placement, Versioned<SearchOrderStatus> status, Instant updatedAt) {

    public SearchOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
    }

    public static SearchOrder unseen(String orderId) {
        return new SearchOrder(orderId, null, Versioned.unset(), null);
    }

    /** OrderCreated at {@code version}: the placement (set once) and the pending status if nothing newer is known. */
    public SearchOrder created(Placement newPlacement, long version) {
        Objects.requireNonNull(newPlacement, "placement");
        return new SearchOrder(orderId, placement == null ? newPlacement : placement,
                status.merge(SearchOrderStatus.PENDING, version), newer(updatedAt, newPlacement.createdAt()));
    }

    /** Any other order event at {@code version}: its status unless a newer one is known. */
    public SearchOrder changed(SearchOrderStatus newStatus, long version, Instant occurredAt) {
        return new SearchOrder(orderId, placement, status.merge(newStatus, version), newer(updatedAt, occurredAt));
    }

    /** Queries see an order once OrderCreated is in. */
    public boolean visible() {
        return placement != null && status.known();
    }

    private static Instant newer(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
