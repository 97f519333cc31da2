package mallbots.customers;

import java.util.Objects;
import mallbots.customers.adapters.DynamoCustomerRepository;
import mallbots.customers.application.DecideAuthorization;
import mallbots.customers.application.ChangeSmsNumber;
import mallbots.customers.application.CustomerRepository;
import mallbots.customers.application.DisableCustomer;
import mallbots.customers.application.EnableCustomer;
import mallbots.customers.application.GetCustomer;
import mallbots.customers.application.RegisterCustomer;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.saga.CommandReplies;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The customers context wired, its composition root: its use cases on one table and one
 * publisher. The only class that makes the adapters.
 */
public record CustomersModule(
        RegisterCustomer register,
        EnableCustomer enable,
        DisableCustomer disable,
        ChangeSmsNumber changeSmsNumber,
        GetCustomer get,
        DecideAuthorization authorize,
        CommandReplies replies) {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;

    public CustomersModule {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(enable, "enable");
        Objects.requireNonNull(disable, "disable");
        Objects.requireNonNull(changeSmsNumber, "changeSmsNumber");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(authorize, "authorize");
        Objects.requireNonNull(replies, "replies");
    }

    /** On a table shaped as {@code CustomersTable} in template.yaml, publishing through {@code publisher}. */
    public static CustomersModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        CustomerRepository customers = new DynamoCustomerRepository(dynamo, tableName, publisher);
        return new CustomersModule(new RegisterCustomer(customers), new EnableCustomer(customers),
                new DisableCustomer(customers), new ChangeSmsNumber(customers), new GetCustomer(customers),
                new DecideAuthorization(customers), CommandReplies.builder(dynamo, tableName, publisher).build());
    }

    /** From a function's settings ({@code TABLE_NAME}, {@code EVENT_BUS_NAME}) with real clients. */
    public static CustomersModule fromEnvironment(Environment env) {
        TableAndBus context = TableAndBus.fromEnvironment(env);
        return create(context.dynamo(), context.tableName(), context.publisher());
    }
}
