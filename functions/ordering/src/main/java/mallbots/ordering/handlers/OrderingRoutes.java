package mallbots.ordering.handlers;

import mallbots.ordering.OrderingModule;
import mallbots.ordering.application.OrderView;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.messaging.Cause;

/**
 * The ordering HTTP API: reading an order, and the customer's cancel, which answers 200 with the
 * canceled order (the same view GET answers). An id that is not a UUID is a 400, an unknown order
 * a 404, an order that is neither pending nor approved cannot be canceled (409). Both routes are
 * the customer's (scope mallbots/customer): another customer's order is not found (404).
 */
final class OrderingRoutes {

    static final String GET = "GET /api/ordering/{id}";
    static final String CANCEL = "DELETE /api/ordering/{id}";

    private OrderingRoutes() {
    }

    static HttpRouter router(OrderingModule ordering) {
        return HttpRouter.builder()
                .route(GET, request -> HttpResponse.ok(own(request, ordering)))
                .route(CANCEL, request -> HttpResponse.ok(ordering.cancelOrder().cancel(Cause.request(),
                        own(request, ordering).id())))
                // every retry lost to another writer of the same order: the client may try again
                .mapException(ConcurrencyConflict.class, 409)
                .build();
    }

    /** The order of the path, if it is the caller's (an order's customer never changes). */
    private static OrderView own(HttpRequest request, OrderingModule ordering) {
        OrderView order = ordering.getOrder().get(request.idParam("id"));
        return request.ownedByCaller(order, order.customerId(), "order", order.id());
    }
}
