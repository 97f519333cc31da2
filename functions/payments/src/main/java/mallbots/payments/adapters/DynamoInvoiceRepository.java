package mallbots.payments.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import mallbots.payments.application.InvoiceRepository;
import mallbots.payments.domain.Invoice;
import mallbots.platform.domain.NotFound;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Invoices as state items of the payments table, key {@code "invoice#<id>"} (= the order's id): the
 * invoice as JSON, the item's own version, the ids of the messages applied to it, and the outbox
 * that carries each change's integration event, whose aggregateVersion is the item's version
 * after the change.
 */
public final class DynamoInvoiceRepository implements InvoiceRepository {

    static final String KEY_PREFIX = "invoice#";

    private final StateStore<StoredInvoice> items;

    public DynamoInvoiceRepository(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.items = StateStore.builder(dynamo, tableName, StoredInvoice.class)
                .publisher(Objects.requireNonNull(publisher, "publisher"))
                .build();
    }

    /** The item key of an invoice. */
    public static String keyOf(String invoiceId) {
        return KEY_PREFIX + invoiceId;
    }

    @Override
    public Optional<Invoice> find(String invoiceId) {
        return items.get(keyOf(invoiceId)).map(item -> item.state().toInvoice());
    }

    @Override
    public Invoice change(String invoiceId, Cause cause, Function<Invoice, Invoice.Changed> command) {
        Objects.requireNonNull(cause, "cause");
        return items.modifyItem(keyOf(invoiceId), item -> {
            StateItem<StoredInvoice> current = item.orElseThrow(() -> NotFound.of("invoice", invoiceId));
            return store(command.apply(current.state().toInvoice()), cause.followUp(), current.version() + 1);
        }).state().orElseThrow().toInvoice();
    }

    @Override
    public boolean apply(String invoiceId, Cause cause,
            Function<Optional<Invoice>, Optional<Invoice.Changed>> decide) {
        if (!Objects.requireNonNull(cause, "cause").isMessage()) {
            throw new IllegalArgumentException("only a message is applied at most once: a request has no id");
        }
        return items.applyItem(keyOf(invoiceId), cause.messageId(), item -> {
            long nextVersion = item.map(StateItem::version).orElse(0L) + 1;
            return decide.apply(item.map(current -> current.state().toInvoice()))
                    .map(changed -> store(changed, cause.followUp(), nextVersion))
                    .orElseGet(Change::none);
        }).applied();
    }

    private static Change<StoredInvoice> store(Invoice.Changed changed, Metadata metadata, long itemVersion) {
        return Change.to(StoredInvoice.of(changed.invoice()))
                .publish(PaymentsAnnouncements.of(changed.event(), metadata, itemVersion));
    }
}
