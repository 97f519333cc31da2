package mallbots.emulators;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The request units of the DynamoDB calls forwarded to dynalite, for the {@link UsageMeter}: each
 * item operation, query and scan is forwarded with {@code ReturnConsumedCapacity: TOTAL}, and
 * dynalite answers the units as DynamoDB computes them (a read: 4 KB per unit, half for an
 * eventually consistent read; a write: 1 KB per unit, the larger of the old and new item). A
 * write refused by its condition costs a write unit on DynamoDB too; dynalite's error does not
 * say how many, so it counts one. Writes to global secondary indexes are not counted.
 */
final class DynamoDbCapacity {

    static final String PREFIX = "DynamoDB_20120810.";

    private static final Set<String> READS = Set.of("GetItem", "Query", "Scan", "BatchGetItem");
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");
    private static final byte[] ASK = "{\"ReturnConsumedCapacity\":\"TOTAL\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FIELD = "\"ConsumedCapacity\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONDITION_FAILED = "ConditionalCheckFailed".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json = new ObjectMapper();
    private final UsageMeter usage;

    DynamoDbCapacity(UsageMeter usage) {
        this.usage = usage;
    }

    /** Whether the operation ({@code X-Amz-Target} without its prefix) is metered. */
    static boolean metered(String operation) {
        return READS.contains(operation) || WRITES.contains(operation);
    }

    /**
     * The request asking for the consumed capacity too. The field goes first: a request that
     * names it itself keeps its own choice (the last of two equal keys wins in dynalite's parser).
     */
    static byte[] askingForCapacity(byte[] body) {
        int open = 0;
        while (open < body.length && body[open] != '{') {
            open++;
        }
        if (open == body.length) {
            return body; // not a JSON object: dynalite says what is wrong with it
        }
        int next = open + 1;
        while (next < body.length && Character.isWhitespace(body[next])) {
            next++;
        }
        boolean empty = next < body.length && body[next] == '}';
        int separator = empty ? 0 : 1;
        byte[] asked = new byte[ASK.length + separator + body.length - open - 1];
        System.arraycopy(ASK, 0, asked, 0, ASK.length);
        if (!empty) {
            asked[ASK.length] = ',';
        }
        System.arraycopy(body, open + 1, asked, ASK.length + separator, body.length - open - 1);
        return asked;
    }

    /** Counts the call from dynalite's answer. */
    void record(String operation, int status, byte[] answer) {
        boolean write = WRITES.contains(operation);
        if (status != 200) {
            usage.dynamoRequest(operation, write, write && indexOf(answer, CONDITION_FAILED, 0) >= 0 ? 1 : 0);
            return;
        }
        usage.dynamoRequest(operation, write, capacityUnits(answer));
    }

    /** The units of the answer's ConsumedCapacity (one object, or one per table in a batch); 0 if it has none. */
    double capacityUnits(byte[] answer) {
        int at = lastIndexOf(answer, FIELD);
        if (at < 0) {
            return 0;
        }
        int from = at + FIELD.length;
        try (JsonParser parser = json.getFactory().createParser(answer, from, answer.length - from)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return 0;
            }
            JsonNode capacity = parser.readValueAsTree();
            double units = 0;
            for (JsonNode table : capacity.isArray() ? capacity : json.createArrayNode().add(capacity)) {
                units += table.path("CapacityUnits").asDouble(0);
            }
            return units;
        } catch (IOException e) {
            return 0;
        }
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        for (int i = bytes.length - part.length; i >= 0; i--) {
            if (matches(bytes, part, i)) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (matches(bytes, part, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] bytes, byte[] part, int at) {
        for (int j = 0; j < part.length; j++) {
            if (bytes[at + j] != part[j]) {
                return false;
            }
        }
        return true;
    }
}
