package mallbots.platform.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import mallbots.platform.domain.Money;

/**
 * The one JSON configuration of the project: strict on input, ISO-8601 times, no nulls on output,
 * and the kernel's {@link Money} as the two-decimal string of every message, stored item and
 * answer ("12.50"), which the domain type itself knows nothing of.
 */
public final class Json {

    private static final ObjectMapper STRICT = strictMapper();

    private Json() {
    }

    /** A shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    /**
     * Strict decoding: an unknown field, a missing or null record component, or a value of the
     * wrong JSON type (a string where a number is expected, a number where a string is) is an error.
     */
    public static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 for an int is an error, not 1
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(moneyAsText())
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Money as a JSON string with exactly two decimals, both ways: "12.50" is read, "12.5", "12"
     * or a JSON number is refused (as the schemas refuse them). The HTTP API's reader reads money
     * as people type it instead ({@code JsonBodyReader}).
     */
    private static SimpleModule moneyAsText() {
        return new SimpleModule("money")
                .addSerializer(Money.class, new StdSerializer<>(Money.class) {
                    @Override
                    public void serialize(Money money, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        generator.writeString(money.toString());
                    }
                })
                .addDeserializer(Money.class, new StdDeserializer<>(Money.class) {
                    @Override
                    public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                            return (Money) context.handleUnexpectedToken(Money.class, parser);
                        }
                        try {
                            return Money.fromWire(parser.getText());
                        } catch (IllegalArgumentException e) {
                            throw context.instantiationException(Money.class, e);
                        }
                    }
                });
    }
}
