package mallbots.platform.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** BatchGetItem (consistent reads) of up to 100 keys of one table, asking again for the keys DynamoDB left unprocessed. */
public final class BatchGet {

    /** The most keys one BatchGetItem takes. */
    public static final int MAX_KEYS = 100;

    private static final int MAX_ROUNDS = 10;

    private BatchGet() {
    }

    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String tableName,
            List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        if (keys.isEmpty()) {
            return items;
        }
        Map<String, KeysAndAttributes> request = Map.of(tableName,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 0; !request.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("BatchGetItem on " + tableName + " still throttled after "
                        + MAX_ROUNDS + " rounds");
            }
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
            items.addAll(response.responses().getOrDefault(tableName, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return items;
    }
}
