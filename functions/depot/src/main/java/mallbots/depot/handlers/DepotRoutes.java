package mallbots.depot.handlers;

import mallbots.depot.DepotModule;
import mallbots.depot.application.ShoppingListView;
import mallbots.depot.domain.ShoppingList;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.api.Input;
import mallbots.platform.domain.ConcurrencyConflict;

/**
 * The depot HTTP API: every route answers 200 with the shopping list as it is after the request
 * (the same view GET answers). An unknown list is 404, a step its status forbids 409, a bad
 * body 400 naming the field.
 */
final class DepotRoutes {

    static final String GET = "GET /api/depot/shopping/{id}";
    static final String ASSIGN = "PUT /api/depot/shopping/{id}/assign";
    static final String COMPLETE = "PUT /api/depot/shopping/{id}/complete";
    static final String CANCEL = "DELETE /api/depot/shopping/{id}";

    private DepotRoutes() {
    }

    /** PUT .../assign */
    record AssignBody(@Input.MaxLength(64) String botId) {
    }

    static HttpRouter router(DepotModule depot) {
        return HttpRouter.builder()
                .route(GET, request -> view(depot.getShoppingList().get(id(request))))
                .route(ASSIGN, request -> {
                    String id = id(request);
                    return view(depot.assignBot().assign(id, request.body(AssignBody.class).botId()));
                })
                .route(COMPLETE, request -> view(depot.completeShoppingList().complete(id(request))))
                .route(CANCEL, request -> view(depot.cancelShoppingList().cancel(id(request))))
                // every retry lost to another writer of the same list: the client may try again
                .mapException(ConcurrencyConflict.class, 409)
                .build();
    }

    private static String id(HttpRequest request) {
        return request.idParam("id");
    }

    private static HttpResponse view(ShoppingList list) {
        return HttpResponse.ok(ShoppingListView.of(list));
    }
}
