package mallbots.payments;

import java.util.Objects;
import mallbots.payments.adapters.DynamoInvoiceRepository;
import mallbots.payments.adapters.DynamoPaymentRepository;
import mallbots.payments.application.AuthorizePayment;
import mallbots.payments.application.CancelInvoice;
import mallbots.payments.application.DecidePaymentConfirmation;
import mallbots.payments.application.GetInvoice;
import mallbots.payments.application.GetPayment;
import mallbots.payments.application.InvoiceRepository;
import mallbots.payments.application.IssueInvoice;
import mallbots.payments.application.PayInvoice;
import mallbots.payments.application.PaymentRepository;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.saga.CommandReplies;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The payments context wired, its composition root: its use cases on one table and one
 * publisher. The only class that makes the adapters.
 */
public record PaymentsModule(
        AuthorizePayment authorizePayment,
        GetPayment getPayment,
        DecidePaymentConfirmation confirmPayment,
        GetInvoice getInvoice,
        PayInvoice payInvoice,
        IssueInvoice issueInvoice,
        CancelInvoice cancelInvoice,
        CommandReplies replies) {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;

    public PaymentsModule {
        Objects.requireNonNull(authorizePayment, "authorizePayment");
        Objects.requireNonNull(getPayment, "getPayment");
        Objects.requireNonNull(confirmPayment, "confirmPayment");
        Objects.requireNonNull(getInvoice, "getInvoice");
        Objects.requireNonNull(payInvoice, "payInvoice");
        Objects.requireNonNull(issueInvoice, "issueInvoice");
        Objects.requireNonNull(cancelInvoice, "cancelInvoice");
        Objects.requireNonNull(replies, "replies");
    }

    /** On a table shaped as {@code PaymentsTable} in template.yaml, publishing through {@code publisher}. */
    public static PaymentsModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        PaymentRepository payments = new DynamoPaymentRepository(dynamo, tableName, publisher);
        InvoiceRepository invoices = new DynamoInvoiceRepository(dynamo, tableName, publisher);
        return new PaymentsModule(new AuthorizePayment(payments), new GetPayment(payments),
                new DecidePaymentConfirmation(payments), new GetInvoice(invoices), new PayInvoice(invoices),
                new IssueInvoice(invoices), new CancelInvoice(invoices),
                CommandReplies.builder(dynamo, tableName, publisher).build());
    }

    /** From a function's settings ({@code TABLE_NAME}, {@code EVENT_BUS_NAME}) with real clients. */
    public static PaymentsModule fromEnvironment(Environment env) {
        TableAndBus context = TableAndBus.fromEnvironment(env);
        return create(context.dynamo(), context.tableName(), context.publisher());
    }
}
