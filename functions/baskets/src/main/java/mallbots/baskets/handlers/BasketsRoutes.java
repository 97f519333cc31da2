package mallbots.baskets.handlers;

import java.util.Map;
import mallbots.baskets.BasketsModule;
import mallbots.baskets.application.BasketView;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.api.Input;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.NotFound;
import mallbots.platform.messaging.Nullable;

/**
 * The baskets HTTP API. A start answers 201 {"id"}; every other command answers 200 with the
 * basket as it is after the command (the same view GET answers). Bodies are read strictly:
 * a missing, null or mistyped field, an unknown field or malformed JSON is a 400 naming it.
 *
 * <p>Every route is a customer's (scope mallbots/customer): a basket is started for the caller
 * (the token's subject), and another customer's basket is not found (404), as if it did not exist.
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

    /** POST /api/baskets: the caller's basket; a customerId, if sent, must be the caller's. */
    record StartBody(@Nullable @Input.Uuid String customerId) {
    }

    /** PUT .../addItem and .../removeItem: quantity is a whole number, at least 1, at most 1,000. */
    record ItemBody(@Input.Uuid String productId, @Input.Max(1000) int quantity) {
    }

    /** PUT .../checkout */
    record CheckoutBody(@Input.Uuid String paymentId) {
    }

    static HttpRouter router(BasketsModule baskets) {
        return HttpRouter.builder()
                .route(START, request -> HttpResponse.created(
                        Map.of("id", baskets.startBasket().start(customer(request)))))
                .route(GET, request -> view(own(request, baskets)))
                .route(CANCEL, request -> view(baskets.cancelBasket().cancel(own(request, baskets).id())))
                .route(ADD_ITEM, request -> {
                    ItemBody body = request.body(ItemBody.class);
                    return view(baskets.addItem().add(own(request, baskets).id(), body.productId(), body.quantity()));
                })
                .route(REMOVE_ITEM, request -> {
                    ItemBody body = request.body(ItemBody.class);
                    return view(baskets.removeItem().remove(own(request, baskets).id(), body.productId(), body.quantity()));
                })
                .route(CHECKOUT, request -> {
                    CheckoutBody body = request.body(CheckoutBody.class);
                    return view(baskets.checkOut().checkOut(own(request, baskets).id(), body.paymentId()));
                })
                // every retry lost to another writer of the same basket: the client may try again
                .mapException(ConcurrencyConflict.class, 409)
                .build();
    }

    private static String id(HttpRequest request) {
        return request.idParam("id");
    }

    /** The caller's own customer id; a customerId in the body that is another's is not found. */
    private static String customer(HttpRequest request) {
        String caller = request.customerId();
        String named = request.body().isEmpty() ? null : request.body(StartBody.class).customerId();
        if (named != null && !named.equalsIgnoreCase(caller)) {
            throw NotFound.of("customer", named);
        }
        return caller;
    }

    /**
     * The basket of the path, if it is the caller's (a basket's customer never changes, so the
     * check holds for the command that follows).
     */
    private static BasketView own(HttpRequest request, BasketsModule baskets) {
        BasketView basket = baskets.getBasket().get(id(request));
        return request.ownedByCaller(basket, basket.customerId(), "basket", basket.id());
    }

    private static HttpResponse view(BasketView basket) {
        return HttpResponse.ok(basket);
    }
}
