package mallbots.platform.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import mallbots.platform.domain.Money;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Nullable;

/**
 * Reads a request body into a record with the project's strict mapper, and says what is wrong in
 * the client's terms, naming the field: "price: must be a number", "items[0].quantity: is
 * required", "colour: unknown field", "body: malformed JSON at line 1, column 12".
 *
 * <p>Every record component is required unless marked {@link Nullable}; presence is checked on
 * the JSON before binding, so that a missing primitive is not silently 0. Money is read as people
 * type it: a JSON number or string ("12.5" or 12.5 is 12.50), read as the decimal written,
 * never through a double; more than two decimals is refused, and a number and a string are read by
 * the same rule (1e3 is 1000.00 either way), up to {@link Input#MAX_MONEY}.
 *
 * <p>The bounds of {@link Input} (lengths, control characters, ids, maxima) are checked on the
 * JSON before binding, naming the field.
 */
public final class JsonBodyReader {

    private static final Set<Class<?>> INTEGERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, float.class, Float.class,
            BigDecimal.class, Number.class);

    private static final BigDecimal LARGEST_MONEY = new BigDecimal(Input.MAX_MONEY);
    /** A JSON number's syntax, which a string holding money must also have. */
    private static final java.util.regex.Pattern NUMBER_TEXT = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static String requireNumber(String text) {
        if (!NUMBER_TEXT.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return text;
    }

    private final ObjectMapper mapper;

    public JsonBodyReader() {
        this(peopleMapper());
    }

    /**
     * The strict mapper, except that money is read as people type it ("12.5", "12"), where
     * messages insist on the two-decimal wire form. A number is read as the decimal written, never as a float.
     */
    private static ObjectMapper peopleMapper() {
        SimpleModule money = new SimpleModule("people-money");
        money.addDeserializer(Money.class, new StdDeserializer<>(Money.class) {
            @Override
            public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                boolean number = parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT);
                if (!number && !parser.hasToken(JsonToken.VALUE_STRING)) {
                    return (Money) context.handleUnexpectedToken(Money.class, parser);
                }
                // one rule whether a number or a string: the decimal written (never a double: 9.99 stays
                // 9.99, 1e3 is 1000), bounded before it is scaled (1e999999999 would be a billion digits)
                String text = parser.getText();
                BigDecimal value;
                try {
                    value = number ? parser.getDecimalValue() : new BigDecimal(requireNumber(text.strip()));
                } catch (NumberFormatException | ArithmeticException e) {
                    throw context.weirdStringException(text, Money.class, "not a number");
                }
                if (value.abs().compareTo(LARGEST_MONEY) > 0) {
                    throw context.weirdStringException(text, Money.class, "at most " + Input.MAX_MONEY);
                }
                try {
                    return Money.of(value);
                } catch (IllegalArgumentException e) {
                    throw context.weirdStringException(text, Money.class, e.getMessage());
                }
            }
        });
        ObjectMapper mapper = Json.strictMapper();
        mapper.registerModule(money);
        return mapper;
    }

    public JsonBodyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws BadRequest naming the field at fault */
    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadRequest("body: is required");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonParseException e) {
            throw new BadRequest("body: malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (JsonProcessingException e) {
            throw new BadRequest("body: malformed JSON");
        }
        if (!tree.isObject()) {
            throw new BadRequest("body: must be a JSON object");
        }
        requirePresent(tree, type, "");
        checkBounds(tree, type, "");
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new BadRequest(describe(e));
        } catch (JsonProcessingException e) {
            throw new BadRequest("body: " + e.getOriginalMessage());
        }
    }

    private static void requirePresent(JsonNode node, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return;
        }
        if (raw.isRecord() && node.isObject()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonNode child = node.get(component.getName());
                String childPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
                if (child == null || child.isNull()) {
                    if (!component.isAnnotationPresent(Nullable.class)) {
                        throw new BadRequest(childPath + ": is required");
                    }
                } else {
                    requirePresent(child, component.getGenericType(), childPath);
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray()
                && type instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                String elementPath = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    throw new BadRequest(elementPath + ": is required");
                }
                requirePresent(node.get(i), element, elementPath);
            }
        }
    }

    /** The bounds of {@link Input} on every string, id and whole number the record reads. */
    private static void checkBounds(JsonNode node, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (raw == null || !raw.isRecord() || !node.isObject()) {
            return;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            JsonNode child = node.get(component.getName());
            if (child == null || child.isNull()) {
                continue;
            }
            String childPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
            Type generic = component.getGenericType();
            if (child.isArray() && generic instanceof ParameterizedType list
                    && Collection.class.isAssignableFrom(component.getType())) {
                for (int i = 0; i < child.size(); i++) {
                    checkValue(child.get(i), list.getActualTypeArguments()[0], component, childPath + "[" + i + "]");
                }
            } else {
                checkValue(child, generic, component, childPath);
            }
        }
    }

    private static void checkValue(JsonNode value, Type type, RecordComponent component, String path) {
        if (value.isTextual() && type == String.class) {
            String text = value.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    throw new BadRequest(path + ": must not contain control characters");
                }
            }
            Input.MaxLength max = component.getAnnotation(Input.MaxLength.class);
            int limit = max == null ? Input.DEFAULT_MAX_LENGTH : max.value();
            if (text.length() > limit) {
                throw new BadRequest(path + ": at most " + limit + " characters, was " + text.length());
            }
            // a blank id is the use case's "is required"; anything else must be a UUID
            if (component.isAnnotationPresent(Input.Uuid.class) && !text.isBlank()
                    && !mallbots.platform.domain.Ids.isUuid(text)) {
                throw new BadRequest(mallbots.platform.domain.Ids.notAUuid(text, path).getMessage());
            }
        } else if (value.isIntegralNumber() && component.isAnnotationPresent(Input.Max.class)) {
            long max = component.getAnnotation(Input.Max.class).value();
            if (!value.canConvertToLong() || value.longValue() > max) {
                throw new BadRequest(path + ": must be at most " + max);
            }
        } else {
            checkBounds(value, type, path);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private String describe(JsonMappingException e) {
        String where = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = where.equals("body") ? unknown.getPropertyName() : where;
            return field + ": unknown field";
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return where + ": " + firstLine(cause.getMessage());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + ": must be " + expected(mismatch.getTargetType());
        }
        return where + ": invalid value";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private String expected(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (INTEGERS.contains(type)) {
            return "an integer";
        }
        if (NUMBERS.contains(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Money.class) {
            return "an amount of money with at most two decimals, like 12.50";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> mapper.convertValue(constant, String.class))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid value";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
