package mallbots.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mallbots.platform.json.Json;

/**
 * Turns messages into EventBridge details and EventBridge events back into messages, strictly:
 * an unknown detail-type, a source that does not send that type, a missing required field, an
 * unknown field or a value of the wrong type is a {@link DecodingException} that names the field.
 */
public final class MessageCodec {

    private final MessageTypes types;
    private final ObjectMapper mapper;

    public MessageCodec(MessageTypes types) {
        this.types = Objects.requireNonNull(types, "types");
        this.mapper = Json.mapper();
    }

    public MessageTypes types() {
        return types;
    }

    /** The EventBridge {@code detail} of a message: {"metadata": {...}, "data": {...}}. */
    public String encodeDetail(Message<?> message) {
        ObjectNode detail = mapper.createObjectNode();
        detail.set("metadata", mapper.valueToTree(message.metadata()));
        detail.set("data", mapper.valueToTree(message.data()));
        try {
            return mapper.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.detailType(), e);
        }
    }

    /**
     * Decodes a whole EventBridge event, as an SQS target receives it in the message body or a
     * Lambda target receives it as its input: {"detail-type", "source", "detail", ...}.
     */
    public Message<?> decodeEvent(String eventJson) {
        JsonNode event = parse(eventJson, "event");
        if (!event.isObject()) {
            throw new DecodingException("event: expected a JSON object");
        }
        return decode(text(event, "source"), text(event, "detail-type"), event.get("detail"));
    }

    /** Decodes a detail given its source and detail-type (as PutEvents carries them). */
    public Message<?> decodeDetail(String source, String detailType, String detailJson) {
        return decode(source, detailType, parse(detailJson, "detail"));
    }

    private Message<?> decode(String source, String detailType, JsonNode detail) {
        MessageType<?> type = types.find(detailType)
                .orElseThrow(() -> new DecodingException("detail-type: unknown message type " + detailType));
        if (!type.source().equals(source)) {
            throw new DecodingException("source: " + detailType + " comes from " + type.source() + ", not " + source);
        }
        return decodeAs(type, detail);
    }

    private <T> Message<T> decodeAs(MessageType<T> type, JsonNode detail) {
        if (detail == null || !detail.isObject()) {
            throw new DecodingException("detail: expected a JSON object");
        }
        var fields = detail.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("metadata") && !field.equals("data")) {
                throw new DecodingException("detail." + field + ": unknown field");
            }
        }
        Metadata metadata = convert(detail.get("metadata"), Metadata.class, "detail.metadata");
        T data = convert(detail.get("data"), type.payloadType(), "detail.data");
        return new Message<>(type, metadata, data);
    }

    /** Decodes one JSON tree into a record, checking that every required component is present. */
    public <T> T convert(JsonNode node, Class<T> target, String path) {
        if (node == null || node.isNull()) {
            throw new DecodingException(path + ": is required");
        }
        if (!node.isObject()) {
            throw new DecodingException(path + ": expected a JSON object");
        }
        requirePresent(node, target, path);
        T value;
        try {
            value = mapper.treeToValue(node, target);
        } catch (JsonMappingException e) {
            throw new DecodingException(path + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new DecodingException(path + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DecodingException(path + ": " + e.getMessage(), e);
        }
        return value;
    }

    private static String describe(JsonMappingException e) {
        StringBuilder where = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                where.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                where.append('[').append(ref.getIndex()).append(']');
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : root.getMessage();
        if (e.getClass().getSimpleName().equals("UnrecognizedPropertyException")) {
            reason = "unknown field";
        }
        return where + ": " + firstLine(reason);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid value";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * Checks, before the record is built, that every required component (not {@link Nullable}) is
     * present and not null in the JSON, recursively through nested records, lists and maps of
     * them. Checking the tree rather than the built record lets a record's constructor refuse
     * null while the error still names the missing field (e.g. {@code detail.data.items[0].price}).
     */
    private static void requirePresent(JsonNode node, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return;
        }
        if (raw.isRecord() && node.isObject()) {
            for (Component component : COMPONENTS.get(raw)) {
                JsonNode field = node.get(component.name());
                if (field == null || field.isNull()) {
                    if (!component.nullable()) {
                        throw new DecodingException(path + "." + component.name() + ": is required");
                    }
                } else {
                    requirePresent(field, component.type(), path + "." + component.name());
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
            Type element = typeArgument(type, 0);
            for (int index = 0; index < node.size(); index++) {
                String itemPath = path + "[" + index + "]";
                if (node.get(index).isNull()) {
                    throw new DecodingException(itemPath + ": is required");
                }
                requirePresent(node.get(index), element, itemPath);
            }
        } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
            Type value = typeArgument(type, 1);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                requirePresent(entry.getValue(), value, path + "." + entry.getKey());
            }
        }
    }

    /** A record component as the presence check needs it. */
    private record Component(String name, Type type, boolean nullable) {
    }

    /**
     * Each record's components, read by reflection once per class: reading them parses the
     * class's signatures and annotations again on every call, which cost more than the rest of
     * decoding a message.
     */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> record) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent component : record.getRecordComponents()) {
                components.add(new Component(component.getName(), component.getGenericType(),
                        component.isAnnotationPresent(Nullable.class)));
            }
            return List.copyOf(components);
        }
    };

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private JsonNode parse(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new DecodingException(what + ": empty");
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DecodingException(what + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode node = event.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new DecodingException(field + ": is required");
        }
        return node.asText();
    }

}
