package mallbots.search.application;

import java.util.List;
import mallbots.search.domain.SearchOrder;

/** A page of orders, newest first, and the token of the next page (null: no more). */
public record OrderPage(List<SearchOrder> orders, String next) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
