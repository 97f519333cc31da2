package mallbots.cosec.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import mallbots.platform.domain.Money;
import mallbots.platform.json.Json;
import org.junit.jupiter.api.Test;

class CreateOrderDataTest {

    private final CreateOrderData data = CreateOrderData.of("o-1", "c-1", "p-1",
            List.of(new ShoppingItem("product-1", "store-1", 2)), Money.of("5.00"));

    @Test
    void theShoppingListIdIsKnownOnlyOnceTheDepotMadeTheList() {
        assertThat(data.shoppingListId()).isNull();
        assertThatThrownBy(data::requireShoppingListId).isInstanceOf(IllegalStateException.class)
                .hasMessage("order o-1 has no shopping list yet");

        CreateOrderData withList = data.withShoppingListId("list-1");

        assertThat(withList.requireShoppingListId()).isEqualTo("list-1");
        assertThat(withList.orderId()).isEqualTo("o-1");
        assertThat(withList.total()).isEqualTo(Money.of("5.00"));
    }

    @Test
    void itSurvivesTheSagaItemsJsonBothWays() throws Exception {
        CreateOrderData withList = data.withShoppingListId("list-1");

        String json = Json.mapper().writeValueAsString(withList);

        assertThat(json).contains("\"total\":\"5.00\"");
        assertThat(Json.mapper().readValue(json, CreateOrderData.class)).isEqualTo(withList);
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(data), CreateOrderData.class))
                .isEqualTo(data);
    }

    @Test
    void anOrderHasItemsOfAtLeastOne() {
        assertThatThrownBy(() -> CreateOrderData.of("o-1", "c-1", "p-1", List.of(), Money.of("0.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShoppingItem("product-1", "store-1", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
