package mallbots.baskets.domain;

import java.util.List;

/** The whole state of a basket at one version; {@code paymentId} is null until checkout. */
public record BasketSnapshot(String customerId, String paymentId, BasketStatus status, List<BasketItem> items) {

    public BasketSnapshot {
        items = List.copyOf(items);
    }
}
