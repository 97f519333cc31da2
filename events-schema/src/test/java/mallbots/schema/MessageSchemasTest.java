package mallbots.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MessageSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Set<String> MONEY_FIELDS = Set.of("price", "delta", "total", "amount");

    private final MessageSchemas schemas = MessageSchemas.load();

    @Test
    void knowsEveryMessageOfTheDomain() {
        assertThat(schemas.detailTypes()).hasSize(40).contains(
                "StoreCreated", "ProductPriceDecreased", "BasketCheckedOut", "CustomerSmsChanged",
                "ShoppingListCanceled", "OrderCreated", "OrderCompleted", "InvoicePaid",
                "AuthorizeCustomer", "CreateShoppingList", "RejectOrder",
                "AuthorizeCustomerReply", "CreateShoppingListReply", "ConfirmPaymentReply", "RejectOrderReply");
        assertThat(schemas.sourceOf("CreateShoppingList")).contains("mallbots.cosec");
        assertThat(schemas.sourceOf("CreateShoppingListReply")).contains("mallbots.depot");
        assertThat(schemas.sourceOf("AuthorizeCustomerReply")).contains("mallbots.customers");
        assertThat(schemas.sourceOf("ConfirmPaymentReply")).contains("mallbots.payments");
        assertThat(schemas.sourceOf("ApproveOrderReply")).contains("mallbots.ordering");
    }

    @Test
    void everySchemaHasAnExampleAndEveryExampleASchema() throws IOException {
        assertThat(schemas.examples().keySet()).isEqualTo(schemas.detailTypes());
        assertThat(relativeFiles(RESOURCES.resolve("examples")))
                .isEqualTo(relativeFiles(RESOURCES.resolve("schemas")).stream()
                        .filter(file -> !file.equals("common.json")).toList());
    }

    @TestFactory
    Stream<DynamicTest> everySchemaNamesItsDetailTypeAndSourceAsItsFileDoes() {
        return perMessage(detailType -> {
            String source = schemas.sourceOf(detailType).orElseThrow();
            JsonNode schema = read(RESOURCES.resolve("schemas").resolve(context(source)).resolve(detailType + ".json"));
            assertThat(schema.at("/properties/detail-type/const").asText()).isEqualTo(detailType);
            assertThat(schema.at("/properties/source/const").asText()).isEqualTo(source);
            assertThat(schema.at("/$id").asText())
                    .isEqualTo(MessageSchemas.ID_PREFIX + context(source) + "/" + detailType + ".json");
            assertThat(schema.at("/properties/detail/properties/data/additionalProperties").asBoolean(true)).isFalse();
        });
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsValid() {
        return perMessage(detailType -> assertThat(schemas.validateEvent(schemas.example(detailType))).isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleDetailIsAValidPutEventsEntry() {
        return perMessage(detailType -> {
            JsonNode event = read(schemas.example(detailType));
            schemas.requireValidEntry(event.get("source").asText(), detailType, event.get("detail").toString());
        });
    }

    @TestFactory
    Stream<DynamicTest> aMissingRequiredDataFieldIsNamed() {
        return perMessage(detailType -> {
            ObjectNode event = example(detailType);
            for (String field : requiredDataFields(detailType)) {
                ObjectNode broken = event.deepCopy();
                data(broken).remove(field);
                assertThat(schemas.validateEvent(broken.toString()))
                        .as("%s without %s", detailType, field)
                        .anySatisfy(error -> assertThat(error).startsWith("$.detail.data." + field + ":"));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aDataFieldOfTheWrongTypeIsNamed() {
        return perMessage(detailType -> {
            ObjectNode event = example(detailType);
            List<String> fields = new ArrayList<>();
            data(event).fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                ObjectNode broken = event.deepCopy();
                JsonNode value = data(broken).get(field);
                if (value.isTextual()) {
                    data(broken).put(field, 42);
                } else if (value.isBoolean()) {
                    data(broken).put(field, "yes");
                } else {
                    data(broken).put(field, true);
                }
                assertThat(schemas.validateEvent(broken.toString()))
                        .as("%s with %s of the wrong type", detailType, field)
                        .anySatisfy(error -> assertThat(error).startsWith("$.detail.data." + field + ":"));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aBadAmountOfMoneyIsNamed() {
        return perMessage(detailType -> {
            ObjectNode event = example(detailType);
            for (String field : moneyFields(event)) {
                for (JsonNode bad : List.of(MAPPER.getNodeFactory().textNode("12.5"),
                        MAPPER.getNodeFactory().numberNode(12.5), MAPPER.getNodeFactory().textNode("abc"),
                        MAPPER.getNodeFactory().textNode("012.50"), MAPPER.getNodeFactory().textNode("1.234"))) {
                    ObjectNode broken = event.deepCopy();
                    setAt(broken, field, bad);
                    assertThat(schemas.validateEvent(broken.toString()))
                            .as("%s with %s = %s", detailType, field, bad)
                            .anySatisfy(error -> assertThat(error).startsWith(field + ":"));
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> anUnknownDataFieldIsNamed() {
        return perMessage(detailType -> {
            ObjectNode broken = example(detailType);
            data(broken).put("discount", "1.00");
            assertThat(schemas.validateEvent(broken.toString()))
                    .anySatisfy(error -> assertThat(error).startsWith("$.detail.data.discount:"));
        });
    }

    @TestFactory
    Stream<DynamicTest> aMissingMessageIdIsNamed() {
        return perMessage(detailType -> {
            ObjectNode broken = example(detailType);
            ((ObjectNode) broken.get("detail").get("metadata")).remove("messageId");
            assertThat(schemas.validateEvent(broken.toString()))
                    .anySatisfy(error -> assertThat(error).startsWith("$.detail.metadata.messageId:"));
        });
    }

    @TestFactory
    Stream<DynamicTest> eachKindOfMessageRequiresItsMetadata() {
        return perMessage(detailType -> {
            String source = schemas.sourceOf(detailType).orElseThrow();
            List<String> required = detailType.endsWith("Reply")
                    ? List.of("sagaId", "sagaName", "replyTo", "outcome")
                    : source.equals("mallbots.cosec")
                            ? List.of("sagaId", "sagaName", "replyTo")
                            : List.of("aggregateId", "aggregateVersion");
            for (String field : required) {
                ObjectNode broken = example(detailType);
                ((ObjectNode) broken.get("detail").get("metadata")).remove(field);
                assertThat(schemas.validateEvent(broken.toString()))
                        .as("%s without metadata.%s", detailType, field)
                        .anySatisfy(error -> assertThat(error).startsWith("$.detail.metadata." + field + ":"));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aFailedReplyNeedsAReason() {
        return schemas.detailTypes().stream().filter(type -> type.endsWith("Reply")).sorted()
                .map(detailType -> dynamicTest(detailType, () -> {
                    ObjectNode failed = example(detailType);
                    ObjectNode metadata = (ObjectNode) failed.get("detail").get("metadata");
                    metadata.put("outcome", "failure");
                    ((ObjectNode) failed.get("detail")).putObject("data");
                    assertThat(schemas.validateEvent(failed.toString()))
                            .anySatisfy(error -> assertThat(error).startsWith("$.detail.metadata.reason:"));

                    metadata.put("reason", "customer is disabled");
                    assertThat(schemas.validateEvent(failed.toString())).isEmpty();
                }));
    }

    @Test
    void aSuccessfulCreateShoppingListReplyCarriesTheListId() {
        ObjectNode reply = example("CreateShoppingListReply");
        data(reply).remove("shoppingListId");
        assertThat(schemas.validateEvent(reply.toString()))
                .containsExactly("$.detail.data.shoppingListId: required property 'shoppingListId' not found");
    }

    @Test
    void onlyTheDeltaOfAPriceChangeMayBeNegative() {
        ObjectNode decreased = example("ProductPriceDecreased");
        assertThat(data(decreased).get("delta").asText()).startsWith("-");
        assertThat(schemas.validateEvent(decreased.toString())).isEmpty();

        data(decreased).put("price", "-1.00");
        assertThat(schemas.validateEvent(decreased.toString()))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("$.detail.data.price:");
    }

    @Test
    void anItemOfAnOrderIsCheckedFieldByField() {
        ObjectNode order = example("OrderCreated");
        ObjectNode item = (ObjectNode) data(order).get("items").get(1);
        item.put("quantity", 0);
        item.remove("storeName");
        assertThat(schemas.validateEvent(order.toString())).hasSize(2)
                .anySatisfy(error -> assertThat(error).startsWith("$.detail.data.items[1].quantity:"))
                .anySatisfy(error -> assertThat(error).startsWith("$.detail.data.items[1].storeName:"));
    }

    @Test
    void anIdIsAUuidAndANameIsNotBlank() {
        ObjectNode store = example("StoreCreated");
        data(store).put("storeId", "store-1");
        data(store).put("name", "  ");
        assertThat(schemas.validateEvent(store.toString())).hasSize(2)
                .anySatisfy(error -> assertThat(error).startsWith("$.detail.data.storeId:"))
                .anySatisfy(error -> assertThat(error).startsWith("$.detail.data.name:"));
    }

    @Test
    void anUnknownDetailTypeIsRefused() {
        ObjectNode event = example("StoreCreated");
        event.put("detail-type", "StoreDemolished");
        assertThat(schemas.validateEvent(event.toString()))
                .containsExactly("$.detail-type: unknown message type StoreDemolished");
        assertThat(schemas.validateEntry("mallbots.stores", "StoreDemolished", "{}"))
                .containsExactly("$.detail-type: unknown message type StoreDemolished");
    }

    @Test
    void aSourceThatDoesNotSendTheMessageIsRefused() {
        JsonNode event = read(schemas.example("OrderCreated"));
        assertThat(schemas.validateEntry("mallbots.baskets", "OrderCreated", event.get("detail").toString()))
                .contains("$.source: OrderCreated is sent by mallbots.ordering, not by mallbots.baskets");
    }

    @Test
    void requireValidEntryListsEveryError() {
        ObjectNode event = example("ProductAdded");
        data(event).put("price", 24.99);
        data(event).remove("sku");
        assertThatThrownBy(() -> schemas.requireValidEntry("mallbots.stores", "ProductAdded",
                event.get("detail").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ProductAdded from mallbots.stores does not match its schema")
                .hasMessageContaining("$.detail.data.price:")
                .hasMessageContaining("$.detail.data.sku:");
    }

    @Test
    void aDetailThatIsNotJsonIsRefused() {
        assertThat(schemas.validateEntry("mallbots.stores", "StoreCreated", "{not json"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("$.detail: not JSON");
        assertThat(schemas.validateEvent("[]")).containsExactly("$: expected a JSON object (an EventBridge event)");
    }

    @Test
    void anEnvelopeWithoutItsEventBridgeFieldsIsRefused() {
        ObjectNode event = example("StoreCreated");
        event.remove("account");
        event.put("time", "yesterday");
        assertThat(schemas.validateEvent(event.toString()))
                .anySatisfy(error -> assertThat(error).startsWith("$.account:"))
                .anySatisfy(error -> assertThat(error).startsWith("$.time:"));
    }

    // --- helpers

    private Stream<DynamicTest> perMessage(Consumer<String> check) {
        return schemas.detailTypes().stream().sorted().map(type -> dynamicTest(type, () -> check.accept(type)));
    }

    private ObjectNode example(String detailType) {
        return (ObjectNode) read(schemas.example(detailType));
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("detail").get("data");
    }

    private List<String> requiredDataFields(String detailType) {
        String source = schemas.sourceOf(detailType).orElseThrow();
        JsonNode schema = read(RESOURCES.resolve("schemas").resolve(context(source)).resolve(detailType + ".json"));
        List<String> required = new ArrayList<>();
        schema.at("/properties/detail/properties/data/required").forEach(field -> required.add(field.asText()));
        return required;
    }

    /** The JSON paths of the money values of an example, e.g. "$.detail.data.items[0].price". */
    private static List<String> moneyFields(ObjectNode event) {
        List<String> paths = new ArrayList<>();
        collectMoney(data(event), "$.detail.data", paths);
        return paths;
    }

    private static void collectMoney(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path + "." + field.getKey();
                if (MONEY_FIELDS.contains(field.getKey())) {
                    paths.add(child);
                } else {
                    collectMoney(field.getValue(), child, paths);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectMoney(node.get(i), path + "[" + i + "]", paths);
            }
        }
    }

    /** Sets the value at a path such as "$.detail.data.items[0].price". */
    private static void setAt(ObjectNode event, String path, JsonNode value) {
        String[] steps = path.substring(2).replace("[", ".[").split("\\.");
        JsonNode node = event;
        for (int i = 0; i < steps.length - 1; i++) {
            String step = steps[i];
            node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.get(step);
        }
        ((ObjectNode) node).set(steps[steps.length - 1], value);
    }

    private static String context(String source) {
        return source.substring("mallbots.".length());
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
