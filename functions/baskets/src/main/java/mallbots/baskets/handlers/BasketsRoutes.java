package mallbots.baskets.handlers;

import java.util.Map;
import mallbots.baskets.application.BasketView;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.domain.ConcurrencyConflict;

/**
 * The baskets HTTP API. A start answers 201 {"id"}; every other command answers 200 with the
 * basket as it is after the command (the same view GET answers). Bodies are read strictly:
 * a missing, null or mistyped field, an unknown field or malformed JSON is a 400 naming it.
 */
final class BasketsRoutes {

    static final String START = "POST /api/baskets";
    static final String GET = "GET /api/baskets/{id}";
    static final String CANCEL = "DELETE /api/baskets/{id}";
    static final String ADD_ITEM = "PUT /api/baskets/{id}/addItem";
    static final String REMOVE_ITEM = "PUT /api/baskets/{id}/removeItem";
    static final String CHECKOUT = "PUT /api/baskets/{id}/checkout";

    private BasketsRoutes() {
    }

    /** POST /api/baskets */
    record StartBody(String customerId) {
    }

    /** PUT .../addItem and .../removeItem: quantity is a whole number, at least 1. */
    record ItemBody(String productId, int quantity) {
    }

    /** PUT .../checkout */
    record CheckoutBody(String paymentId) {
    }

    static HttpRouter router(BasketsModule baskets) {
        return HttpRouter.builder()
                .route(START, request -> HttpResponse.created(
                        Map.of("id", baskets.startBasket().start(request.body(StartBody.class).customerId()))))
                .route(GET, request -> view(baskets.getBasket().get(id(request))))
                .route(CANCEL, request -> view(baskets.cancelBasket().cancel(id(request))))
                .route(ADD_ITEM, request -> {
                    ItemBody body = request.body(ItemBody.class);
                    return view(baskets.addItem().add(id(request), body.productId(), body.quantity()));
                })
                .route(REMOVE_ITEM, request -> {
                    ItemBody body = request.body(ItemBody.class);
                    return view(baskets.removeItem().remove(id(request), body.productId(), body.quantity()));
                })
                .route(CHECKOUT, request -> view(
                        baskets.checkOut().checkOut(id(request), request.body(CheckoutBody.class).paymentId())))
                // every retry lost to another writer of the same basket: the client may try again
                .mapException(ConcurrencyConflict.class, 409)
                .build();
    }

    private static String id(HttpRequest request) {
        return request.pathParam("id");
    }

    private static HttpResponse view(BasketView basket) {
        return HttpResponse.ok(basket);
    }
}
