package mallbots.stores;

import java.util.Objects;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.config.Environment;
import mallbots.platform.eventstore.EventStore;
import mallbots.platform.eventstore.EventTypes;
import mallbots.platform.messaging.EventPublisher;
import mallbots.stores.adapters.DynamoCatalog;
import mallbots.stores.adapters.DynamoMall;
import mallbots.stores.adapters.EventSourcedProducts;
import mallbots.stores.adapters.EventSourcedStores;
import mallbots.stores.adapters.StoresTable;
import mallbots.stores.application.AddProduct;
import mallbots.stores.application.CatalogReadModel;
import mallbots.stores.application.CreateStore;
import mallbots.stores.application.DecreaseProductPrice;
import mallbots.stores.application.DisableParticipation;
import mallbots.stores.application.EnableParticipation;
import mallbots.stores.application.GetCatalog;
import mallbots.stores.application.GetParticipatingStores;
import mallbots.stores.application.GetProduct;
import mallbots.stores.application.GetStore;
import mallbots.stores.application.GetStores;
import mallbots.stores.application.IncreaseProductPrice;
import mallbots.stores.application.MallReadModel;
import mallbots.stores.application.ProductRepository;
import mallbots.stores.application.RebrandProduct;
import mallbots.stores.application.RebrandStore;
import mallbots.stores.application.RemoveProduct;
import mallbots.stores.application.StoreRepository;
import mallbots.stores.domain.Product;
import mallbots.stores.domain.ProductEvent;
import mallbots.stores.domain.ProductSnapshot;
import mallbots.stores.domain.Store;
import mallbots.stores.domain.StoreEvent;
import mallbots.stores.domain.StoreSnapshot;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The composition root of stores: every use case, on one table and one publisher. */
public record StoresModule(
        CreateStore createStore,
        EnableParticipation enableParticipation,
        DisableParticipation disableParticipation,
        RebrandStore rebrandStore,
        GetStore getStore,
        GetStores getStores,
        GetParticipatingStores getParticipatingStores,
        AddProduct addProduct,
        RebrandProduct rebrandProduct,
        IncreaseProductPrice increaseProductPrice,
        DecreaseProductPrice decreaseProductPrice,
        RemoveProduct removeProduct,
        GetProduct getProduct,
        GetCatalog getCatalog) {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;
    /** A snapshot every this many versions: few stores or products change that often, so loading stays one query. */
    public static final int SNAPSHOT_EVERY = 10;

    public StoresModule {
        Objects.requireNonNull(createStore, "createStore");
        Objects.requireNonNull(enableParticipation, "enableParticipation");
        Objects.requireNonNull(disableParticipation, "disableParticipation");
        Objects.requireNonNull(rebrandStore, "rebrandStore");
        Objects.requireNonNull(getStore, "getStore");
        Objects.requireNonNull(getStores, "getStores");
        Objects.requireNonNull(getParticipatingStores, "getParticipatingStores");
        Objects.requireNonNull(addProduct, "addProduct");
        Objects.requireNonNull(rebrandProduct, "rebrandProduct");
        Objects.requireNonNull(increaseProductPrice, "increaseProductPrice");
        Objects.requireNonNull(decreaseProductPrice, "decreaseProductPrice");
        Objects.requireNonNull(removeProduct, "removeProduct");
        Objects.requireNonNull(getProduct, "getProduct");
        Objects.requireNonNull(getCatalog, "getCatalog");
    }

    /** The context on its table, publishing through {@code publisher} (EventBridge in Lambda). */
    public static StoresModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        StoreRepository stores = new EventSourcedStores(EventStore
                .builder(dynamo, tableName, EventTypes.sealed(StoreEvent.class), StoreSnapshot.class, Store::new)
                .keyPrefix(StoresTable.STORE_KEY_PREFIX)
                .snapshotEvery(SNAPSHOT_EVERY)
                .publisher(publisher)
                .build());
        ProductRepository products = new EventSourcedProducts(EventStore
                .builder(dynamo, tableName, EventTypes.sealed(ProductEvent.class), ProductSnapshot.class, Product::new)
                .keyPrefix(StoresTable.PRODUCT_KEY_PREFIX)
                .snapshotEvery(SNAPSHOT_EVERY)
                .publisher(publisher)
                .build());
        MallReadModel mall = new DynamoMall(dynamo, tableName,
                DynamoMall.items(dynamo, tableName).publisher(publisher).build());
        CatalogReadModel catalog = new DynamoCatalog(dynamo, tableName,
                DynamoCatalog.items(dynamo, tableName).publisher(publisher).build());
        return new StoresModule(
                new CreateStore(stores, mall),
                new EnableParticipation(stores, mall),
                new DisableParticipation(stores, mall),
                new RebrandStore(stores, mall),
                new GetStore(stores),
                new GetStores(mall),
                new GetParticipatingStores(mall),
                new AddProduct(stores, products, catalog),
                new RebrandProduct(products, catalog),
                new IncreaseProductPrice(products, catalog),
                new DecreaseProductPrice(products, catalog),
                new RemoveProduct(products, catalog),
                new GetProduct(products),
                new GetCatalog(stores, catalog));
    }

    /** The context as a function's environment configures it: TABLE_NAME, EVENT_BUS_NAME and the AWS settings. */
    public static StoresModule fromEnvironment(Environment env) {
        TableAndBus context = TableAndBus.fromEnvironment(env);
        return create(context.dynamo(), context.tableName(), context.publisher());
    }
}
