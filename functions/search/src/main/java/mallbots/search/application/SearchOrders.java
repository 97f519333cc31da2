package mallbots.search.application;

import java.util.Optional;
import java.util.function.UnaryOperator;
import mallbots.platform.messaging.Cause;
import mallbots.search.domain.SearchOrder;

/** The orders read model: written by order events, queried by the API. */
public interface SearchOrders {

    /** Applies one message (the cause) to the order once; false for a message already applied. */
    boolean apply(String orderId, Cause cause, UnaryOperator<SearchOrder> change);

    Optional<SearchOrder> find(String orderId);

    /** One page of the orders that match, newest first. A token of another query is an InvalidValue. */
    OrderPage search(OrderQuery query);
}
