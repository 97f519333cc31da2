package mallbots.depot.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import mallbots.depot.domain.ProductToPick;
import mallbots.depot.domain.ShoppingList;
import mallbots.depot.domain.StoreToVisit;
import org.junit.jupiter.api.Test;

class ShoppingListJsonTest {

    private static final StoreToVisit SHOP = StoreToVisit.unseen("s1").created("Corner Shop", "Level 1", 1);
    private static final ProductToPick APPLE = ProductToPick.unseen("p1").added("s1", "Apple", 1);

    @Test
    void aListIsStoredAsJsonWithItsStatusInLowerCaseAndReadBack() throws JsonProcessingException {
        ShoppingList list = ShoppingList.plan("l1", "o1", List.of(new ShoppingList.Line(SHOP, APPLE, 1)))
                .makeAvailable().assign("bot-1");

        String json = ShoppingListJson.mapper().writeValueAsString(list);

        assertThat(json).contains("\"status\":\"assigned\"");
        assertThat(ShoppingListJson.mapper().readValue(json, ShoppingList.class)).isEqualTo(list);
    }

    @Test
    void onlyTheLowerCaseLabelIsReadAsAStatus() throws JsonProcessingException {
        String json = ShoppingListJson.mapper().writeValueAsString(
                ShoppingList.plan("l1", "o1", List.of(new ShoppingList.Line(SHOP, APPLE, 1))));

        assertThatThrownBy(() -> ShoppingListJson.mapper().readValue(
                json.replace("\"pending\"", "\"PENDING\""), ShoppingList.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("not one of pending, available, assigned, completed, canceled");
        assertThatThrownBy(() -> ShoppingListJson.mapper().readValue(
                json.replace("\"pending\"", "0"), ShoppingList.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
