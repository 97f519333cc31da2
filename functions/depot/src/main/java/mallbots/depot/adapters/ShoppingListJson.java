package mallbots.depot.adapters;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import mallbots.depot.domain.ShoppingListStatus;
import mallbots.platform.json.Json;

/**
 * The stored JSON form of a shopping list: the project's strict mapper, with the status spelt as
 * the API spells it ({@link ShoppingListStatus#label()}, "pending"), and only so on reading. The
 * domain keeps no Jackson annotation; this is where its JSON form lives.
 */
public final class ShoppingListJson {

    private static final ObjectMapper MAPPER = Json.strictMapper().registerModule(new SimpleModule("depot")
            .addSerializer(ShoppingListStatus.class, new StdSerializer<>(ShoppingListStatus.class) {
                @Override
                public void serialize(ShoppingListStatus status, JsonGenerator generator, SerializerProvider provider)
                        throws IOException {
                    generator.writeString(status.label());
                }
            })
            .addDeserializer(ShoppingListStatus.class, new StdDeserializer<>(ShoppingListStatus.class) {
                @Override
                public ShoppingListStatus deserialize(JsonParser parser, DeserializationContext context)
                        throws IOException {
                    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                        return (ShoppingListStatus) context.handleUnexpectedToken(ShoppingListStatus.class, parser);
                    }
                    String text = parser.getText();
                    for (ShoppingListStatus status : ShoppingListStatus.values()) {
                        if (status.label().equals(text)) {
                            return status;
                        }
                    }
                    throw context.weirdStringException(text, ShoppingListStatus.class, "not one of "
                            + Arrays.stream(ShoppingListStatus.values()).map(ShoppingListStatus::label)
                                    .collect(Collectors.joining(", ")));
                }
            }));

    private ShoppingListJson() {
    }

    /** A shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
