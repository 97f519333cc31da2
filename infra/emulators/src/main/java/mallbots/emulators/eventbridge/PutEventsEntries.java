package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * PutEvents' rules for the request and its entries, as AWS applies them: at most 10 entries
 * and 256 KB for the whole call (else the call fails), Source, DetailType and Detail required
 * and Detail a JSON object for each entry (else that entry fails, the others go on).
 */
final class PutEventsEntries {

    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    /** What AWS counts for an entry's Time when it has one. */
    private static final int TIME_BYTES = 14;

    /** An entry's outcome: an accepted event, or the error code and message AWS reports. */
    sealed interface Outcome permits Accepted, Rejected {
    }

    record Accepted(PublishedEvent event) implements Outcome {
    }

    record Rejected(String errorCode, String errorMessage) implements Outcome {
    }

    private final ObjectMapper json;
    private final Arns arns;

    PutEventsEntries(ObjectMapper json, Arns arns) {
        this.json = json;
        this.arns = arns;
    }

    /** Checks the rules of the whole call; throws the ValidationException AWS raises. */
    void checkRequest(JsonNode entries) {
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw EventBridgeException.validation("1 validation error detected: Value null at 'entries' failed to "
                    + "satisfy constraint: Member must not be null and must have length greater than or equal to 1");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw EventBridgeException.validation("1 validation error detected: Value '" + entries.size()
                    + " entries' at 'entries' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_ENTRIES);
        }
        long size = 0;
        for (JsonNode entry : entries) {
            size += entrySize(entry);
        }
        if (size > MAX_REQUEST_BYTES) {
            throw EventBridgeException.validation("Total size of the entries in the request is over the limit.");
        }
    }

    /** Validates one entry and, if it is valid, makes the event the bus delivers. */
    Outcome accept(JsonNode entry, Instant now) {
        for (String required : new String[] {"Source", "DetailType", "Detail"}) {
            if (text(entry, required) == null || text(entry, required).isBlank()) {
                return new Rejected("InvalidArgument",
                        "Parameter " + required + " is not valid. Reason: " + required + " is a required argument.");
            }
        }
        JsonNode detail;
        try {
            detail = json.readTree(text(entry, "Detail"));
        } catch (JsonProcessingException e) {
            detail = null;
        }
        if (detail == null || !detail.isObject()) {
            return new Rejected("MalformedDetail", "Detail is malformed.");
        }
        Instant time;
        try {
            time = entry.hasNonNull("Time") ? timestamp(entry.get("Time")) : now;
        } catch (RuntimeException e) {
            return new Rejected("InvalidArgument", "Parameter Time is not valid.");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", text(entry, "DetailType"));
        event.put("source", text(entry, "Source"));
        event.put("account", arns.accountId());
        event.put("time", format(time));
        event.put("region", arns.region());
        ArrayNode resources = event.putArray("resources");
        if (entry.path("Resources").isArray()) {
            entry.get("Resources").forEach(resources::add);
        }
        event.set("detail", detail);
        String busName = Arns.busName(text(entry, "EventBusName"));
        return new Accepted(new PublishedEvent(id, busName, text(entry, "Source"), text(entry, "DetailType"),
                event.toString(), now, text(entry, "TraceHeader")));
    }

    /** EventBridge writes event times to the second, in UTC. */
    static String format(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /** JSON 1.1 timestamps are epoch seconds; the CLI may also send ISO-8601. */
    private static Instant timestamp(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
        }
        return Instant.parse(value.asText());
    }

    private static long entrySize(JsonNode entry) {
        long size = entry.hasNonNull("Time") ? TIME_BYTES : 0;
        size += bytes(text(entry, "Source")) + bytes(text(entry, "DetailType")) + bytes(text(entry, "Detail"));
        for (JsonNode resource : entry.path("Resources")) {
            size += bytes(resource.asText());
        }
        return size;
    }

    private static long bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
