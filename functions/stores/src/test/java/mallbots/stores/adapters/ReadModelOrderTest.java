package mallbots.stores.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.VersionedEvent;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.testing.LocalAws;
import mallbots.stores.domain.CatalogProduct;
import mallbots.stores.domain.MallStore;
import mallbots.stores.domain.Product;
import mallbots.stores.domain.ProductEvent;
import mallbots.stores.domain.Store;
import mallbots.stores.domain.StoreEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The read models take a view only if it is newer than the one they show: a command that lost
 * the race to write its view never puts an older store or product over a newer one.
 */
class ReadModelOrderTest {

    private static final DynamoDbClient DYNAMO = LocalAws.dynamo();
    private static final String TABLE = LocalAws.uniqueName("stores-views");

    private final RecordingPublisher publisher = RecordingPublisher.accepting();
    private final DynamoMall mall = new DynamoMall(DYNAMO, TABLE, DynamoMall.items(DYNAMO, TABLE)
            .publisher(publisher).build());
    private final DynamoCatalog catalog = new DynamoCatalog(DYNAMO, TABLE, DynamoCatalog.items(DYNAMO, TABLE)
            .publisher(publisher).build());

    @BeforeAll
    static void createTable() {
        StoresTable.create(DYNAMO, TABLE);
    }

    @Test
    void anOlderStoreViewArrivingLateChangesNothing() {
        String id = UUID.randomUUID().toString();
        Store newer = store(id,
                new StoreEvent.StoreCreated("Late Shop", "Level 1"),
                new StoreEvent.StoreParticipationToggled(true),
                new StoreEvent.StoreRebranded("Later Shop"));
        Store older = store(id, new StoreEvent.StoreCreated("Late Shop", "Level 1"));

        mall.show(newer);
        mall.show(older);

        assertThat(mall.allStores()).filteredOn(store -> store.id().equals(id))
                .containsExactly(new MallStore(id, "Later Shop", "Level 1", true));
        assertThat(mall.participatingStores()).extracting(MallStore::id).contains(id);
        assertThat(item(StoresTable.STORE_KEY_PREFIX + id).get("aggregateVersion").n()).isEqualTo("3");
        assertThat(publisher.calls()).isZero();
    }

    @Test
    void aRemovedProductIsNotBroughtBackByAnOlderView() {
        String storeId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        ProductEvent.ProductAdded added = new ProductEvent.ProductAdded(storeId, "Ghost", "", "G-1", Money.of("2"));
        Product removed = product(id, added, new ProductEvent.ProductRemoved(storeId));
        Product older = product(id, added);

        catalog.show(removed);
        catalog.show(older);

        assertThat(catalog.productsOf(storeId)).isEmpty();
        assertThat(item(StoresTable.PRODUCT_KEY_PREFIX + id).get("removed").bool()).isTrue();
    }

    @Test
    void aNewerProductViewReplacesTheOlderOne() {
        String storeId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        ProductEvent.ProductAdded added = new ProductEvent.ProductAdded(storeId, "Kiwi", "Green", "K-1", Money.of("2"));

        catalog.show(product(id, added));
        catalog.show(product(id, added, new ProductEvent.ProductPriceIncreased(Money.of("2.40"), Money.of("0.40"))));

        assertThat(catalog.productsOf(storeId))
                .containsExactly(new CatalogProduct(id, storeId, "Kiwi", "Green", "K-1", Money.of("2.40")));
    }

    private static Store store(String id, StoreEvent... events) {
        Store store = new Store(id);
        for (int i = 0; i < events.length; i++) {
            store.replay(new VersionedEvent<>(i + 1, events[i]));
        }
        return store;
    }

    private static Product product(String id, ProductEvent... events) {
        Product product = new Product(id);
        for (int i = 0; i < events.length; i++) {
            product.replay(new VersionedEvent<>(i + 1, events[i]));
        }
        return product;
    }

    private static Map<String, AttributeValue> item(String pk) {
        return DYNAMO.getItem(r -> r.tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN("0")))).item();
    }
}
