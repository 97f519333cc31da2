package mallbots.stores.handlers;

import java.util.List;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.api.Input;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.Money;
import mallbots.stores.StoresModule;
import mallbots.stores.domain.CatalogProduct;
import mallbots.stores.domain.MallStore;

/**
 * The routes of the stores API. A create answers 201 {"id"}; every other command answers 200
 * with the store's or product's view after it, except a removal (204: nothing is left to show);
 * reads answer 200. Money is the two-decimal string, read from a JSON number or string.
 */
public final class StoresRoutes {

    /** POST /api/stores. */
    record CreateStoreBody(@Input.MaxLength(100) String name, @Input.MaxLength(100) String location) {
    }

    /** PUT /api/stores/{id}/rebrand. */
    record RebrandStoreBody(@Input.MaxLength(100) String name) {
    }

    /** POST /api/stores/{storeId}/products; the description may be empty. */
    record AddProductBody(@Input.MaxLength(100) String name, @Input.MaxLength(1000) String description,
            @Input.MaxLength(64) String sku, Money price) {
    }

    /** PUT /api/stores/products/{id}/rebrand; the description may be empty. */
    record RebrandProductBody(@Input.MaxLength(100) String name, @Input.MaxLength(1000) String description) {
    }

    /** PUT /api/stores/products/{id}/increasePrice and /decreasePrice: the new price. */
    record PriceBody(Money price) {
    }

    record Created(String id) {
    }

    record Stores(List<MallStore> stores) {
    }

    record Products(List<CatalogProduct> products) {
    }

    private StoresRoutes() {
    }

    public static HttpRouter router(StoresModule stores) {
        return HttpRouter.builder()
                // after the bounded retries, a command that kept losing to other writers may be tried again
                .mapException(ConcurrencyConflict.class, 409)
                .route("POST /api/stores", request -> {
                    CreateStoreBody body = request.body(CreateStoreBody.class);
                    return HttpResponse.created(new Created(stores.createStore().execute(body.name(), body.location())));
                })
                .route("GET /api/stores", request -> HttpResponse.ok(new Stores(stores.getStores().execute())))
                .route("GET /api/stores/participating",
                        request -> HttpResponse.ok(new Stores(stores.getParticipatingStores().execute())))
                .route("GET /api/stores/{id}", request -> HttpResponse.ok(stores.getStore().execute(id(request))))
                .route("PUT /api/stores/{id}/participating",
                        request -> HttpResponse.ok(stores.enableParticipation().execute(id(request))))
                .route("DELETE /api/stores/{id}/participating",
                        request -> HttpResponse.ok(stores.disableParticipation().execute(id(request))))
                .route("PUT /api/stores/{id}/rebrand", request -> {
                    String id = id(request);
                    RebrandStoreBody body = request.body(RebrandStoreBody.class);
                    return HttpResponse.ok(stores.rebrandStore().execute(id, body.name()));
                })
                .route("POST /api/stores/{storeId}/products", request -> {
                    String storeId = request.idParam("storeId");
                    AddProductBody body = request.body(AddProductBody.class);
                    return HttpResponse.created(new Created(stores.addProduct().execute(
                            storeId, body.name(), body.description(), body.sku(), body.price())));
                })
                .route("GET /api/stores/{storeId}/products", request ->
                        HttpResponse.ok(new Products(stores.getCatalog().execute(request.idParam("storeId")))))
                .route("GET /api/stores/products/{id}",
                        request -> HttpResponse.ok(stores.getProduct().execute(id(request))))
                .route("PUT /api/stores/products/{id}/rebrand", request -> {
                    String id = id(request);
                    RebrandProductBody body = request.body(RebrandProductBody.class);
                    return HttpResponse.ok(stores.rebrandProduct().execute(id, body.name(), body.description()));
                })
                .route("PUT /api/stores/products/{id}/increasePrice", request -> {
                    String id = id(request);
                    PriceBody body = request.body(PriceBody.class);
                    return HttpResponse.ok(stores.increaseProductPrice().execute(id, body.price()));
                })
                .route("PUT /api/stores/products/{id}/decreasePrice", request -> {
                    String id = id(request);
                    PriceBody body = request.body(PriceBody.class);
                    return HttpResponse.ok(stores.decreaseProductPrice().execute(id, body.price()));
                })
                .route("DELETE /api/stores/products/{id}", request -> {
                    stores.removeProduct().execute(id(request));
                    return HttpResponse.noContent();
                })
                .build();
    }

    private static String id(HttpRequest request) {
        return request.idParam("id");
    }
}
