package mallbots.local.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Converts the JSON payload Lambda sends into the handler's parameter type, and the handler's
 * result back into JSON, as Lambda's Java runtime does: the event classes (SQSEvent,
 * APIGatewayV2HTTPEvent, ScheduledEvent, ...) through aws-lambda-java-serialization, the
 * runtime's own serializers; Map, String, InputStream and plain Java types through Jackson.
 */
public final class LambdaPayloads {

    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private LambdaPayloads() {
    }

    static Object toParameter(String payload, Type type, EventSerializers events) throws Exception {
        if (type == String.class) {
            return payload;
        }
        if (type == InputStream.class) {
            return new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8));
        }
        if (type instanceof Class<?> event && EventSerializers.supports(event)) {
            // the event classes' own serializers, the ones Lambda's Java runtime uses
            return events.fromJson(payload, event);
        }
        return JSON.readValue(payload, JSON.getTypeFactory().constructType(type));
    }

    static String toJson(Object result) throws JsonProcessingException {
        if (result == null) {
            return null;
        }
        if (result instanceof JsonNode node) {
            return JSON.writeValueAsString(node);
        }
        return JSON.writeValueAsString(result);
    }

    /** A function's JSON answer as a tree: a text node when it is not JSON at all. */
    public static JsonNode tree(String output) {
        if (output == null) {
            return null;
        }
        try {
            return JSON.readTree(output);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(output);
        }
    }
}
