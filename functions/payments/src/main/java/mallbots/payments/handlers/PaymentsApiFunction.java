package mallbots.payments.handlers;

import java.util.Map;
import mallbots.payments.domain.Payment;
import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.config.Environment;
import mallbots.platform.domain.ConcurrencyConflict;
import mallbots.platform.domain.Money;

/**
 * The payments HTTP API. Authorizing a payment answers 201 {"id"}; paying an invoice answers 200
 * with the invoice as it is after the change; the reads answer 200 with the payment or invoice.
 */
public final class PaymentsApiFunction extends HttpApiFunction {

    static final String AUTHORIZE_PAYMENT = "POST /api/payments";
    static final String GET_PAYMENT = "GET /api/payments/{id}";
    static final String GET_INVOICE = "GET /api/payments/invoices/{id}";
    static final String PAY_INVOICE = "PUT /api/payments/invoices/{id}/pay";

    public PaymentsApiFunction() {
        this(Environment.system());
    }

    public PaymentsApiFunction(Environment env) {
        this(PaymentsModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public PaymentsApiFunction(PaymentsModule module) {
        super(router(module));
    }

    /** What a client sends to authorize a payment; the amount as a number or a string ("12.5" is 12.50). */
    record AuthorizeBody(String customerId, Money amount) {
    }

    static HttpRouter router(PaymentsModule module) {
        return HttpRouter.builder()
                .route(AUTHORIZE_PAYMENT, request -> {
                    AuthorizeBody body = request.body(AuthorizeBody.class);
                    Payment payment = module.authorizePayment().authorize(body.customerId(), body.amount());
                    return HttpResponse.created(Map.of("id", payment.id()));
                })
                .route(GET_PAYMENT, request ->
                        HttpResponse.ok(PaymentView.of(module.getPayment().get(request.pathParam("id")))))
                .route(GET_INVOICE, request ->
                        HttpResponse.ok(InvoiceView.of(module.getInvoice().get(request.pathParam("id")))))
                .route(PAY_INVOICE, request ->
                        HttpResponse.ok(InvoiceView.of(module.payInvoice().pay(request.pathParam("id")))))
                // only after every retry lost to other writers: the client may try again
                .mapException(ConcurrencyConflict.class, 409)
                .build();
    }
}
