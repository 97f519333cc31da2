package mallbots.platform.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Objects;
import mallbots.platform.json.Json;

/**
 * A message ready for PutEvents: its id (for logs and for the outbox's bookkeeping), source,
 * detail-type and the encoded detail. This is also what an outbox stores.
 */
public record OutboundEvent(String messageId, String source, String detailType, String detail) {

    public OutboundEvent {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(detail, "detail");
    }

    public static OutboundEvent of(Message<?> message, MessageCodec codec) {
        return new OutboundEvent(message.messageId(), message.source(), message.detailType(),
                codec.encodeDetail(message));
    }

    /**
     * The X-Ray trace header the message carries ({@code metadata.traceHeader} of the detail), for
     * PutEvents' TraceHeader; null when it has none. Read from the encoded detail, so that an
     * event taken back from an outbox has it too; the parse stops at the metadata.
     */
    public String traceHeader() {
        try (JsonParser parser = Json.mapper().getFactory().createParser(detail)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
                    return metadataTraceHeader(parser);
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String metadataTraceHeader(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("traceHeader")) {
                return value == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
            parser.skipChildren();
        }
        return null;
    }
}
