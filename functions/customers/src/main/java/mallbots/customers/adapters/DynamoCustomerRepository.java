package mallbots.customers.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import mallbots.customers.application.CustomerRepository;
import mallbots.customers.domain.Customer;
import mallbots.platform.domain.NotFound;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Customers as state items of the customers table: key {@code "customer#<id>"} (the table also
 * holds the saga participant's {@code "command#..."} items), the customer as JSON, the item's own
 * version, and the outbox that carries each change's integration event, whose aggregateVersion
 * is the item's version after the change.
 */
public final class DynamoCustomerRepository implements CustomerRepository {

    static final String KEY_PREFIX = "customer#";

    private final StateStore<StoredCustomer> items;

    public DynamoCustomerRepository(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.items = StateStore.builder(dynamo, tableName, StoredCustomer.class)
                .publisher(Objects.requireNonNull(publisher, "publisher"))
                .build();
    }

    /** The item key of a customer. */
    public static String keyOf(String customerId) {
        return KEY_PREFIX + customerId;
    }

    @Override
    public void add(Customer.Changed registered) {
        Customer customer = registered.customer();
        items.create(keyOf(customer.id()), Change.to(StoredCustomer.of(customer))
                .publish(CustomersAnnouncements.of(registered.event(), 1)));
    }

    @Override
    public Customer change(String customerId, Function<Customer, Customer.Changed> command) {
        return items.modifyItem(keyOf(customerId), item -> {
            StateItem<StoredCustomer> current = item.orElseThrow(() -> NotFound.of("customer", customerId));
            Customer.Changed changed = command.apply(current.state().toCustomer());
            return Change.to(StoredCustomer.of(changed.customer()))
                    .publish(CustomersAnnouncements.of(changed.event(), current.version() + 1));
        }).state().orElseThrow().toCustomer();
    }

    @Override
    public Optional<Customer> find(String customerId) {
        return items.get(keyOf(customerId)).map(item -> item.state().toCustomer());
    }
}
