package mallbots.payments.handlers;

import java.util.Map;
import mallbots.payments.PaymentsModule;
import mallbots.payments.application.InvoiceView;
import mallbots.payments.application.PaymentView;
import mallbots.payments.domain.Invoice;
import mallbots.payments.domain.Payment;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.api.Input;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.NotFound;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.Nullable;

/**
 * The payments HTTP API. Authorizing a payment answers 201 {"id"}; paying an invoice answers 200
 * with the invoice as it is after the change; the reads answer 200 with the payment or invoice.
 */
final class PaymentsRoutes {

    static final String AUTHORIZE_PAYMENT = "POST /api/payments";
    static final String GET_PAYMENT = "GET /api/payments/{id}";
    static final String GET_INVOICE = "GET /api/payments/invoices/{id}";
    static final String PAY_INVOICE = "PUT /api/payments/invoices/{id}/pay";

    private PaymentsRoutes() {
    }

    /**
     * What a client sends to authorize a payment; the amount as a number or a string ("12.5" is
     * 12.50). The payment is the caller's: a customerId, if sent, must be theirs.
     */
    record AuthorizeBody(@Nullable @Input.Uuid String customerId, Money amount) {
    }

    /**
     * Every route is a customer's (scope mallbots/customer): payments are authorized for the
     * caller, and another customer's payment or invoice is not found (404), as if it did not exist.
     */
    static HttpRouter router(PaymentsModule module) {
        return HttpRouter.builder()
                .route(AUTHORIZE_PAYMENT, request -> {
                    AuthorizeBody body = request.body(AuthorizeBody.class);
                    String customer = request.customerId();
                    if (body.customerId() != null && !body.customerId().equalsIgnoreCase(customer)) {
                        throw NotFound.of("customer", body.customerId());
                    }
                    Payment payment = module.authorizePayment().authorize(customer, body.amount());
                    return HttpResponse.created(Map.of("id", payment.id()));
                })
                .route(GET_PAYMENT, request -> {
                    Payment payment = module.getPayment().get(request.idParam("id"));
                    return HttpResponse.ok(PaymentView.of(
                            request.ownedByCaller(payment, payment.customerId(), "payment", payment.id())));
                })
                .route(GET_INVOICE, request -> HttpResponse.ok(InvoiceView.of(ownInvoice(request, module))))
                .route(PAY_INVOICE, request ->
                        HttpResponse.ok(InvoiceView.of(module.payInvoice().pay(Cause.request(),
                                ownInvoice(request, module).id()))))
                // only after every retry lost to other writers: the client may try again
                .mapException(ConcurrencyConflict.class, 409)
                .build();
    }

    /** The invoice of the path, if it is of the caller's order (its customer never changes). */
    private static Invoice ownInvoice(HttpRequest request, PaymentsModule module) {
        Invoice invoice = module.getInvoice().get(request.idParam("id"));
        return request.ownedByCaller(invoice, invoice.customerId(), "invoice", invoice.id());
    }
}
