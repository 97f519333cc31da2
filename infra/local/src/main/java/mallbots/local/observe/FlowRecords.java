package mallbots.local.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The flow of every message through the functions: one record per handling of a message (which
 * function, when, how long, the outcome, the receive count), with the message's ids and the ids
 * of what it is about (aggregate, saga, order). Appended to {@code flow.jsonl} in the state
 * directory as it happens, so {@code ./mallbots trace} reads it while the system runs and after;
 * the last {@value #KEPT} are also kept in memory and served at {@value #PATH}{@code ?id=...}.
 */
public final class FlowRecords implements FlowListener {

    public static final String PATH = "/_mallbots/trace";
    public static final String RECENT_PATH = "/_mallbots/flow";
    static final int KEPT = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Payload fields that name what a message is about, besides its aggregate and saga. */
    private static final List<String> SUBJECT_FIELDS = List.of("orderId", "basketId", "shoppingListId", "invoiceId");

    private final Deque<ObjectNode> recent = new ArrayDeque<>();
    private final JsonLinesFile file;

    public FlowRecords(Path file) {
        this.file = new JsonLinesFile(file);
    }

    public Path file() {
        return file.path();
    }

    /** The record of one accepted message: when, and to how many targets it goes. */
    public static ObjectNode record(String eventJson, long acceptedAtMillis, int targets) {
        ObjectNode record = JSON.createObjectNode();
        record.put("kind", "published");
        record.put("at", acceptedAtMillis);
        record.put("targets", targets);
        describe(record, eventJson);
        return record;
    }

    /** The record of one handling, as stored (see the README of infra/local for its fields). */
    public static ObjectNode record(HandledMessage handled) {
        ObjectNode record = JSON.createObjectNode();
        record.put("kind", "handled");
        record.put("at", handled.atMillis());
        record.put("ms", handled.millis());
        record.put("function", handled.function());
        record.put("queue", handled.queue());
        record.put("requestId", handled.requestId());
        record.put("batchSize", handled.batchSize());
        record.put("receiveCount", handled.receiveCount());
        record.put("outcome", handled.outcome());
        if (handled.reason() != null) {
            record.put("reason", handled.reason());
        }
        if (handled.deadLetterQueue() != null) {
            record.put("deadLetterQueue", handled.deadLetterQueue());
        }
        describe(record, handled.body());
        return record;
    }

    /** The message's ids, and the ids of what it is about, from the EventBridge event. */
    private static void describe(ObjectNode record, String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(eventJson);
        } catch (IOException | RuntimeException notJson) {
            event = JSON.createObjectNode();
        }
        JsonNode metadata = event.path("detail").path("metadata");
        record.put("detailType", event.path("detail-type").asText(null));
        record.put("source", event.path("source").asText(null));
        for (String field : List.of("messageId", "correlationId", "causationId", "occurredAt", "aggregateId",
                "sagaId", "outcome", "reason", "traceHeader")) {
            if (metadata.hasNonNull(field)) {
                record.put(field.equals("outcome") || field.equals("reason") ? "reply" + capital(field) : field,
                        metadata.get(field).asText());
            }
        }
        Set<String> subjects = new LinkedHashSet<>();
        Stream.of(metadata.path("aggregateId"), metadata.path("sagaId")).filter(JsonNode::isTextual)
                .forEach(id -> subjects.add(id.asText()));
        JsonNode payload = event.path("detail").path("payload");
        for (String field : SUBJECT_FIELDS) {
            if (payload.path(field).isTextual()) {
                subjects.add(payload.path(field).asText());
            }
        }
        ArrayNode about = record.putArray("subjects");
        subjects.forEach(about::add);
    }

    private static String capital(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    @Override
    public void handled(HandledMessage handled) {
        add(record(handled));
    }

    @Override
    public void published(String eventJson, long acceptedAtMillis, int targets) {
        ObjectNode record = record(eventJson, acceptedAtMillis, targets);
        if (record.hasNonNull("messageId")) { // only our messages: not the schedules' events
            add(record);
        }
    }

    public synchronized void add(ObjectNode record) {
        recent.addLast(record);
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
        file.append(record.toString());
    }

    public synchronized List<ObjectNode> all() {
        return List.copyOf(recent);
    }

    /** Every record kept in a flow file (what {@code ./mallbots trace} reads); none when there is no file. */
    public static List<ObjectNode> read(Path file) {
        List<ObjectNode> records = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return records;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                try {
                    if (JSON.readTree(line) instanceof ObjectNode record) {
                        records.add(record);
                    }
                } catch (IOException torn) {
                    // a line being written as we read: the next read has it whole
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return records;
    }

    /** The JSON answer of {@value #PATH}: the trace of {@code id} from the records kept in memory. */
    public String traceView(String rawQuery) {
        String id = Query.parse(rawQuery).getOrDefault("id", "");
        return Trace.of(id, all()).toJson().toString();
    }

    /** The newest {@code limit} records matching every filter (see {@link Query#matches}), oldest first. */
    public synchronized List<ObjectNode> find(java.util.Map<String, String> filters, int limit) {
        List<ObjectNode> found = new ArrayList<>();
        var it = recent.descendingIterator();
        while (it.hasNext() && found.size() < limit) {
            ObjectNode record = it.next();
            if (Query.matches(record, filters)) {
                found.add(record);
            }
        }
        java.util.Collections.reverse(found);
        return found;
    }

    /**
     * The JSON answer of {@value #RECENT_PATH}: the newest records ({@code ?limit=N}, 100 by
     * default), only those with the fields given ({@code ?kind=handled&outcome=failed}).
     */
    public String recentView(String rawQuery) {
        java.util.Map<String, String> query = Query.parse(rawQuery);
        ArrayNode records = JSON.createArrayNode();
        find(query, Query.limit(query, 100, KEPT)).forEach(records::add);
        return JSON.createObjectNode().set("records", records).toString();
    }

    public void close() {
        file.close();
    }
}
