package mallbots.search.adapters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import mallbots.platform.messaging.Cause;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.statestore.ApplyResult;
import mallbots.platform.statestore.Change;
import mallbots.platform.statestore.StateItem;
import mallbots.platform.statestore.StateStore;
import mallbots.platform.table.BatchGet;
import mallbots.platform.table.ContextTable;
import mallbots.search.application.OrderPage;
import mallbots.search.application.OrderQuery;
import mallbots.search.application.SearchOrders;
import mallbots.search.domain.SearchOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The orders read model in the search table (see {@link SearchTable}). An order item carries, once
 * OrderCreated is in, the GSI keys of the listings by customer, by status and of all orders; its
 * stores and products get one index item each, written after the order item by idempotent
 * PutItems (no transactions in dynalite). They are written again whenever any event of the order
 * is processed, so a crash between the two writes is repaired by the redelivery of the record.
 *
 * <p>A search queries the most selective index (customer, then product, then store, then
 * status, else all orders), descending by {@code createdKey} within the time range, and applies
 * the other filters to each order in memory; a page ends at its {@code limit}-th match and the
 * token resumes right after that match, so paging neither skips nor repeats an order.
 */
public final class DynamoSearchOrders implements SearchOrders {

    static final String ORDER_PREFIX = "order#";
    static final String REF_PREFIX = "ref#";
    private static final String ALL_ORDERS = "order";
    private static final DateTimeFormatter FIXED_WIDTH = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final StateStore<SearchOrder> items;

    public DynamoSearchOrders(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.items = StateStore.builder(dynamo, tableName, SearchOrder.class).publisher(publisher).build();
    }

    @Override
    public boolean apply(String orderId, Cause cause, UnaryOperator<SearchOrder> change) {
        ApplyResult<SearchOrder> result = items.apply(ORDER_PREFIX + orderId, cause.messageId(), current -> {
            SearchOrder merged = change.apply(current.orElseGet(() -> SearchOrder.unseen(orderId)));
            if (current.filter(merged::equals).isPresent()) {
                return Change.keep(); // a late event: only its message id is recorded
            }
            Change<SearchOrder> write = Change.to(merged);
            if (merged.visible()) {
                write = write.set(SearchTable.CUSTOMER_ID, AttributeValue.fromS(merged.placement().customerId()))
                        .set(SearchTable.ORDER_STATUS, AttributeValue.fromS(merged.status().value().word()))
                        .set(SearchTable.LISTING, AttributeValue.fromS(ALL_ORDERS))
                        .set(SearchTable.CREATED_KEY, AttributeValue.fromS(createdKey(merged)));
            }
            return write;
        });
        Optional<SearchOrder> now = result.state().isPresent() ? result.state() : find(orderId);
        now.filter(SearchOrder::visible).ifPresent(this::writeRefs);
        return result.status() != ApplyResult.Status.DUPLICATE;
    }

    @Override
    public Optional<SearchOrder> find(String orderId) {
        return items.get(ORDER_PREFIX + orderId).map(StateItem::state);
    }

    @Override
    public OrderPage search(OrderQuery query) {
        Plan plan = Plan.of(query);
        String identity = digest(query.identity());
        Map<String, AttributeValue> start = query.next() == null ? null
                : PageToken.startKey(query.next(), identity, plan.keyAttributes());
        List<SearchOrder> found = new ArrayList<>();
        while (true) {
            QueryResponse response = dynamo.query(plan.request(tableName, query, start));
            List<Map<String, AttributeValue>> page = response.items();
            Map<String, SearchOrder> orders = plan.byRef() ? ordersOf(page) : Map.of();
            boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            for (int i = 0; i < page.size(); i++) {
                Map<String, AttributeValue> item = page.get(i);
                SearchOrder order = plan.byRef() ? orders.get(item.get(SearchTable.ORDER_ID).s())
                        : items.decode(item).state();
                if (order == null || !query.matches(order)) {
                    continue;
                }
                found.add(order);
                if (found.size() == query.limit()) {
                    boolean last = i == page.size() - 1 && !more;
                    return new OrderPage(found, last ? null
                            : PageToken.of(identity, item, plan.keyAttributes()).encode());
                }
            }
            if (!more) {
                return new OrderPage(found, null);
            }
            start = response.lastEvaluatedKey();
        }
    }

    /** The orders an index page of ref items points to, read in one batch. */
    private Map<String, SearchOrder> ordersOf(List<Map<String, AttributeValue>> refs) {
        List<Map<String, AttributeValue>> keys = refs.stream()
                .map(ref -> ref.get(SearchTable.ORDER_ID).s()).distinct()
                .map(id -> items.keyOf(ORDER_PREFIX + id)).toList();
        Map<String, SearchOrder> orders = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 100) {
            for (Map<String, AttributeValue> item : BatchGet.all(dynamo, tableName,
                    keys.subList(from, Math.min(keys.size(), from + 100)))) {
                SearchOrder order = items.decode(item).state();
                orders.put(order.orderId(), order);
            }
        }
        return orders;
    }

    private void writeRefs(SearchOrder order) {
        String createdKey = createdKey(order);
        order.placement().storeIds().forEach(id -> putRef(refOf("store#", id), order.orderId(), createdKey));
        order.placement().productIds().forEach(id -> putRef(refOf("product#", id), order.orderId(), createdKey));
    }

    private void putRef(String ref, String orderId, String createdKey) {
        dynamo.putItem(b -> b.tableName(tableName).item(Map.of(
                ContextTable.PARTITION_KEY, AttributeValue.fromS(REF_PREFIX + ref + "#" + orderId),
                SearchTable.REF, AttributeValue.fromS(ref),
                SearchTable.ORDER_ID, AttributeValue.fromS(orderId),
                SearchTable.CREATED_KEY, AttributeValue.fromS(createdKey))));
    }

    static String refOf(String kind, String id) {
        return kind + id;
    }

    static String createdKey(SearchOrder order) {
        return fixedWidth(order.placement().createdAt()) + "#" + order.orderId();
    }

    /** Instants as strings that sort as the instants do. */
    static String fixedWidth(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** Which index serves a query, and its key. */
    private record Plan(String index, String hashAttribute, String hashValue) {

        static Plan of(OrderQuery query) {
            if (query.customerId() != null) {
                return new Plan(SearchTable.BY_CUSTOMER, SearchTable.CUSTOMER_ID, query.customerId());
            }
            if (!query.productIds().isEmpty()) {
                return new Plan(SearchTable.BY_REF, SearchTable.REF, refOf("product#", query.productIds().getFirst()));
            }
            if (!query.storeIds().isEmpty()) {
                return new Plan(SearchTable.BY_REF, SearchTable.REF, refOf("store#", query.storeIds().getFirst()));
            }
            if (query.status() != null) {
                return new Plan(SearchTable.BY_STATUS, SearchTable.ORDER_STATUS, query.status().word());
            }
            return new Plan(SearchTable.BY_CREATED, SearchTable.LISTING, ALL_ORDERS);
        }

        boolean byRef() {
            return index.equals(SearchTable.BY_REF);
        }

        Set<String> keyAttributes() {
            return new LinkedHashSet<>(List.of(ContextTable.PARTITION_KEY, hashAttribute, SearchTable.CREATED_KEY));
        }

        QueryRequest request(String tableName, OrderQuery query, Map<String, AttributeValue> start) {
            Map<String, String> names = new HashMap<>(Map.of("#h", hashAttribute));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":h", AttributeValue.fromS(hashValue)));
            String condition = "#h = :h";
            // createdKey = instant#id: ">= after" takes that instant, "< before" (or BETWEEN, the bound
            // never equals a key) leaves it out
            if (query.createdAfter() != null || query.createdBefore() != null) {
                names.put("#c", SearchTable.CREATED_KEY);
            }
            if (query.createdAfter() != null && query.createdBefore() != null) {
                condition += " AND #c BETWEEN :a AND :b";
            } else if (query.createdAfter() != null) {
                condition += " AND #c >= :a";
            } else if (query.createdBefore() != null) {
                condition += " AND #c < :b";
            }
            if (query.createdAfter() != null) {
                values.put(":a", AttributeValue.fromS(fixedWidth(query.createdAfter())));
            }
            if (query.createdBefore() != null) {
                values.put(":b", AttributeValue.fromS(fixedWidth(query.createdBefore())));
            }
            return QueryRequest.builder().tableName(tableName).indexName(index)
                    .keyConditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).scanIndexForward(false).limit(query.limit())
                    .exclusiveStartKey(start).build();
        }
    }
}
