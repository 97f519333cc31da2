package mallbots.customers.handlers;

import java.util.Map;
import mallbots.customers.CustomersModule;
import mallbots.customers.application.CustomerView;
import mallbots.customers.domain.Customer;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.api.Input;
import mallbots.platform.domain.ConcurrencyConflict;

/**
 * The customers HTTP API. A create answers 201 {"id"}; the other commands answer 200 with the
 * customer as it is after the change; a read answers 200 with the customer.
 */
final class CustomersRoutes {

    private CustomersRoutes() {
    }

    /** What a client sends to register. */
    record RegisterBody(@Input.MaxLength(100) String name, @Input.MaxLength(32) String smsNumber) {
    }

    /** What a client sends to change the SMS number. */
    record ChangeSmsBody(@Input.MaxLength(32) String smsNumber) {
    }

    /**
     * Who may call what (the template's scopes): a customer (mallbots/customer) registers under
     * their token's subject and reads and changes only themselves, another customer's id being
     * 404 as if it did not exist; staff (mallbots/staff) enable and disable any customer.
     */
    static HttpRouter router(CustomersModule module) {
        return HttpRouter.builder()
                .route("POST /api/customers", request -> {
                    RegisterBody body = request.body(RegisterBody.class);
                    Customer customer = module.register().register(request.customerId(), body.name(), body.smsNumber());
                    return HttpResponse.created(Map.of("id", customer.id()));
                })
                .route("GET /api/customers/{id}", request -> view(module.get().get(own(request))))
                .route("PUT /api/customers/{id}/enable",
                        request -> view(module.enable().enable(request.idParam("id"))))
                .route("PUT /api/customers/{id}/disable",
                        request -> view(module.disable().disable(request.idParam("id"))))
                .route("PUT /api/customers/{id}/change-sms", request -> {
                    String id = own(request);
                    ChangeSmsBody body = request.body(ChangeSmsBody.class);
                    return view(module.changeSmsNumber().change(id, body.smsNumber()));
                })
                // only after every retry lost to other writers: the client may try again
                .mapException(ConcurrencyConflict.class, 409)
                .build();
    }

    /** The path's customer id, if it is the caller's own; another's is not found. */
    private static String own(HttpRequest request) {
        String id = request.idParam("id");
        return request.ownedByCaller(id, id, "customer", id);
    }

    private static HttpResponse view(Customer customer) {
        return HttpResponse.ok(CustomerView.of(customer));
    }
}
