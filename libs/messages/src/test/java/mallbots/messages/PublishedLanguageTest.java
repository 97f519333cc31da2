package mallbots.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mallbots.messages.baskets.BasketCheckedOut;
import mallbots.messages.cosec.CosecMessages;
import mallbots.messages.cosec.CreateShoppingListCommand;
import mallbots.messages.depot.CreateShoppingListReply;
import mallbots.messages.depot.DepotMessages;
import mallbots.messages.ordering.OrderCanceled;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.messages.stores.ProductPriceDecreased;
import mallbots.messages.stores.StoreCreated;
import mallbots.messages.stores.StoresMessages;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.DecodingException;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.Nullable;
import mallbots.platform.messaging.Outcome;
import mallbots.schema.MessageSchemas;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The records and message types agree with events-schema: same messages, same fields, same rules. */
class PublishedLanguageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MessageSchemas schemas = MessageSchemas.load();
    private final MessageCodec codec = new MessageCodec(AllMessages.ALL);

    @Test
    void everyMessageTypeHasASchemaAndEverySchemaAMessageType() {
        Map<String, String> typeSources = new TreeMap<>();
        AllMessages.ALL.all().forEach(type -> typeSources.put(type.detailType(), type.source()));
        Map<String, String> schemaSources = new TreeMap<>();
        schemas.detailTypes().forEach(type -> schemaSources.put(type, schemas.sourceOf(type).orElseThrow()));
        assertThat(typeSources).isEqualTo(schemaSources);
    }

    @Test
    void eachContextListsExactlyTheMessagesItSends() {
        Map<String, List<String>> bySource = AllMessages.ALL.all().stream().collect(Collectors.groupingBy(
                MessageType::source, TreeMap::new, Collectors.mapping(MessageType::detailType, Collectors.toList())));
        assertThat(bySource.keySet()).containsExactly("mallbots.baskets", "mallbots.cosec", "mallbots.customers",
                "mallbots.depot", "mallbots.ordering", "mallbots.payments", "mallbots.stores");
        assertThat(bySource.get("mallbots.cosec")).containsExactlyInAnyOrder("AuthorizeCustomer",
                "CreateShoppingList", "CancelShoppingList", "ConfirmPayment", "InitiateShopping", "ApproveOrder",
                "RejectOrder");
        assertThat(CosecMessages.ALL.all()).hasSize(7);
        assertThat(DepotMessages.ALL.all()).extracting(MessageType::detailType).contains("CreateShoppingListReply");
        for (MessageType<?> type : AllMessages.ALL.all()) {
            String context = type.source().substring("mallbots.".length());
            assertThat(type.payloadType().getPackageName()).as(type.detailType())
                    .isEqualTo("mallbots.messages." + context);
            // a saga command's record says so, so that it never shares a name with the use case that runs it
            String recordName = type.source().equals(CosecMessages.SOURCE) ? type.detailType() + "Command" : type.detailType();
            assertThat(type.payloadType().getSimpleName()).as(type.detailType()).isEqualTo(recordName);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleDecodesIntoItsRecordAndEncodesBackToAValidDetail() {
        return perMessage(detailType -> {
            String example = schemas.example(detailType);
            Message<?> message = codec.decodeEvent(example);

            MessageType<?> type = AllMessages.ALL.find(detailType).orElseThrow();
            assertThat(message.type()).isEqualTo(type);
            assertThat(message.data()).isInstanceOf(type.payloadType());

            String detail = codec.encodeDetail(message);
            assertThat(schemas.validateEntry(message.source(), detailType, detail)).isEmpty();
            assertThat(tree(detail)).isEqualTo(tree(example).get("detail"));
        });
    }

    @TestFactory
    Stream<DynamicTest> aMissingDataFieldIsNamedUnlessItIsOptional() {
        return perMessage(detailType -> {
            Class<?> payload = AllMessages.ALL.find(detailType).orElseThrow().payloadType();
            for (RecordComponent component : payload.getRecordComponents()) {
                ObjectNode broken = example(detailType);
                data(broken).remove(component.getName());
                if (component.isAnnotationPresent(Nullable.class)) {
                    assertThat(codec.decodeEvent(broken.toString()).data()).isInstanceOf(payload);
                } else {
                    assertThatThrownBy(() -> codec.decodeEvent(broken.toString()))
                            .as("%s without %s", detailType, component.getName())
                            .isInstanceOf(DecodingException.class)
                            .hasMessage("detail.data." + component.getName() + ": is required");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aDataFieldOfTheWrongTypeIsNamed() {
        return perMessage(detailType -> {
            List<String> fields = new ArrayList<>();
            data(example(detailType)).fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                ObjectNode broken = example(detailType);
                JsonNode value = data(broken).get(field);
                if (value.isTextual()) {
                    data(broken).put(field, 42);
                } else {
                    data(broken).put(field, "yes");
                }
                assertThatThrownBy(() -> codec.decodeEvent(broken.toString()))
                        .as("%s with %s of the wrong type", detailType, field)
                        .isInstanceOf(DecodingException.class)
                        .message().startsWith("detail.data." + field + ":");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> anUnknownDataFieldIsNamed() {
        return perMessage(detailType -> {
            ObjectNode broken = example(detailType);
            data(broken).put("discount", "1.00");
            assertThatThrownBy(() -> codec.decodeEvent(broken.toString()))
                    .isInstanceOf(DecodingException.class)
                    .hasMessageStartingWith("detail.data.discount:");
        });
    }

    @TestFactory
    Stream<DynamicTest> aMissingMessageIdIsNamed() {
        return perMessage(detailType -> {
            ObjectNode broken = example(detailType);
            ((ObjectNode) broken.get("detail").get("metadata")).remove("messageId");
            assertThatThrownBy(() -> codec.decodeEvent(broken.toString()))
                    .isInstanceOf(DecodingException.class)
                    .hasMessage("detail.metadata.messageId: is required");
        });
    }

    @Test
    void aFieldOfAnItemIsNamedWithItsIndex() {
        ObjectNode order = example("OrderCreated");
        ((ObjectNode) data(order).get("items").get(1)).remove("price");
        assertThatThrownBy(() -> codec.decodeEvent(order.toString()))
                .isInstanceOf(DecodingException.class)
                .hasMessage("detail.data.items[1].price: is required");

        ObjectNode list = example("CreateShoppingList");
        ((ObjectNode) data(list).get("items").get(0)).put("quantity", "two");
        assertThatThrownBy(() -> codec.decodeEvent(list.toString()))
                .isInstanceOf(DecodingException.class)
                .hasMessageStartingWith("detail.data.items[0].quantity:");
    }

    @Test
    void theRulesOfTheRecordsAreThoseOfTheSchemas() {
        ObjectNode list = example("CreateShoppingList");
        ((ObjectNode) data(list).get("items").get(0)).put("quantity", 0);
        assertThat(schemas.validateEvent(list.toString()))
                .anySatisfy(error -> assertThat(error).startsWith("$.detail.data.items[0].quantity:"));
        assertThatThrownBy(() -> codec.decodeEvent(list.toString()))
                .isInstanceOf(DecodingException.class)
                .hasMessageContaining("items[0]").hasMessageContaining("quantity: must be at least 1");

        ObjectNode store = example("StoreCreated");
        data(store).put("storeId", " ");
        assertThat(schemas.validateEvent(store.toString()))
                .anySatisfy(error -> assertThat(error).startsWith("$.detail.data.storeId:"));
        assertThatThrownBy(() -> codec.decodeEvent(store.toString()))
                .isInstanceOf(DecodingException.class)
                .hasMessageStartingWith("detail.data").hasMessageContaining("storeId: must not be blank");

        ObjectNode order = example("OrderCreated");
        data(order).putArray("items");
        assertThat(schemas.validateEvent(order.toString()))
                .anySatisfy(error -> assertThat(error).startsWith("$.detail.data.items:"));
        assertThatThrownBy(() -> codec.decodeEvent(order.toString()))
                .isInstanceOf(DecodingException.class)
                .hasMessageContaining("items: must have at least one item");
    }

    @Test
    void recordsRefuseWhatTheSchemasRefuseNamingTheField() {
        assertThatThrownBy(() -> new StoreCreated(null, "Robo Electronics", "Level 2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("storeId: is required");
        assertThatThrownBy(() -> new StoreCreated("6f1c2a34-8b1e-4c0a-9d7e-1a2b3c4d5e01", "", "Level 2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name: must not be blank");
        assertThatThrownBy(() -> new CreateShoppingListCommand.Item("p", "s", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("quantity: must be at least 1, was 0");
        assertThatThrownBy(() -> new OrderCreated("o", "c", "p", List.of(), Money.of("1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("items: must have at least one item");
        assertThatThrownBy(() -> new BasketCheckedOut.Item("s", "p", "Store", "Product", Money.of("-1.00"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("price: must not be negative");
        // only a price change's delta may be negative; an optional id may be absent
        assertThat(new ProductPriceDecreased("p", Money.of("22.99"), Money.of("-4.50")).delta().isNegative()).isTrue();
        assertThat(new OrderCanceled("o", "c", "p", null).shoppingId()).isNull();
    }

    @Test
    void messagesBuiltByAProducerMatchTheirSchemas() {
        String storeId = "6f1c2a34-8b1e-4c0a-9d7e-1a2b3c4d5e01";
        Message<StoreCreated> created = StoresMessages.STORE_CREATED
                .create(new StoreCreated(storeId, "Robo Electronics", "Level 2, North Wing"))
                .withMetadata(metadata -> metadata.withAggregate(storeId, 1));
        assertThat(schemas.validateEntry(created.source(), created.detailType(), codec.encodeDetail(created))).isEmpty();

        Message<?> command = codec.decodeEvent(schemas.example("CreateShoppingList"));
        Message<CreateShoppingListReply> failed = DepotMessages.CREATE_SHOPPING_LIST_REPLY
                .causedBy(command.metadata(), new CreateShoppingListReply(null))
                .withMetadata(metadata -> metadata.withOutcome(Outcome.FAILURE, "product is unknown"));
        assertThat(schemas.validateEntry(failed.source(), failed.detailType(), codec.encodeDetail(failed))).isEmpty();
        assertThat(failed.metadata().sagaId()).isEqualTo(command.metadata().sagaId());

        Message<CreateShoppingListReply> succeededWithoutId = failed
                .withMetadata(metadata -> metadata.withOutcome(Outcome.SUCCESS, null));
        assertThat(schemas.validateEntry(failed.source(), failed.detailType(), codec.encodeDetail(succeededWithoutId)))
                .containsExactly("$.detail.data.shoppingListId: required property 'shoppingListId' not found");

        // an integration event without its aggregate's id and version is refused
        Message<StoreCreated> unversioned = StoresMessages.STORE_CREATED.create(created.data());
        assertThat(schemas.validateEntry(unversioned.source(), unversioned.detailType(),
                codec.encodeDetail(unversioned)))
                .anySatisfy(error -> assertThat(error).startsWith("$.detail.metadata.aggregateId:"));
    }

    @Test
    void aMessageFromTheWrongSourceOrOfAnUnknownTypeIsRefused() {
        ObjectNode event = example("OrderCreated");
        event.put("source", "mallbots.baskets");
        assertThatThrownBy(() -> codec.decodeEvent(event.toString()))
                .isInstanceOf(DecodingException.class).hasMessageStartingWith("source:");
        event.put("detail-type", "OrderTeleported");
        assertThatThrownBy(() -> codec.decodeEvent(event.toString()))
                .isInstanceOf(DecodingException.class).hasMessageStartingWith("detail-type:");
        assertThat(OrderingMessages.ALL.find("OrderCreated")).contains(OrderingMessages.ORDER_CREATED);
    }

    // --- helpers

    private Stream<DynamicTest> perMessage(Consumer<String> check) {
        return schemas.detailTypes().stream().sorted().map(type -> dynamicTest(type, () -> check.accept(type)));
    }

    private ObjectNode example(String detailType) {
        return (ObjectNode) tree(schemas.example(detailType));
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("detail").get("data");
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
