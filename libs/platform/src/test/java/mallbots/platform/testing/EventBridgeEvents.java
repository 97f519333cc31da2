package mallbots.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;

/** EventBridge events as a rule's target receives them (an SQS body, a Lambda input), for tests. */
public final class EventBridgeEvents {

    public static final String ACCOUNT = "000000000000";

    private EventBridgeEvents() {
    }

    /** The event EventBridge delivers for a message put on the bus. */
    public static String of(Message<?> message, MessageCodec codec) {
        ObjectMapper mapper = Json.mapper();
        try {
            return of(message.source(), message.detailType(), mapper.readTree(codec.encodeDetail(message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same envelope around any detail, for malformed or foreign messages. */
    public static String of(String source, String detailType, com.fasterxml.jackson.databind.JsonNode detail) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", ACCOUNT);
        event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", LocalAws.REGION.id());
        event.putArray("resources");
        event.set("detail", detail);
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
