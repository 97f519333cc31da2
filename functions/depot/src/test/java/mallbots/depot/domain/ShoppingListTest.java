package mallbots.depot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class ShoppingListTest {

    private static final StoreToVisit SHOP = StoreToVisit.unseen("s1").created("Corner Shop", "Level 1", 1);
    private static final StoreToVisit BAKERY = StoreToVisit.unseen("s2").created("Bakery", "Level 2", 1)
            .rebranded("Bread & Co", 2);
    private static final ProductToPick APPLE = ProductToPick.unseen("p1").added("s1", "Apple", 1);
    private static final ProductToPick BREAD = ProductToPick.unseen("p2").added("s2", "Bread", 1);

    @Test
    void aPlanGroupsTheLinesByStoreInTheirFirstOrderAndAddsRepeatedProducts() {
        ShoppingList list = ShoppingList.plan("l1", "o1", List.of(new ShoppingList.Line(SHOP, APPLE, 1),
                new ShoppingList.Line(BAKERY, BREAD, 2), new ShoppingList.Line(SHOP, APPLE, 3)));

        assertThat(list).isEqualTo(new ShoppingList("l1", "o1", List.of(
                new ShoppingList.Stop("s1", "Corner Shop", "Level 1", List.of(new ShoppingList.Item("p1", "Apple", 4))),
                new ShoppingList.Stop("s2", "Bread & Co", "Level 2", List.of(new ShoppingList.Item("p2", "Bread", 2)))),
                null, ShoppingListStatus.PENDING));
    }

    @Test
    void aPlanRefusesWhatTheCachesDoNotOffer() {
        assertThatThrownBy(() -> ShoppingList.plan("l1", "o1",
                List.of(new ShoppingList.Line(StoreToVisit.unseen("s9").rebranded("Nameless", 2), APPLE, 1))))
                .isInstanceOf(RuleViolation.class).hasMessage("store s9 is unknown");
        assertThatThrownBy(() -> ShoppingList.plan("l1", "o1",
                List.of(new ShoppingList.Line(SHOP, ProductToPick.unseen("p9").rebranded("Pear", 2), 1))))
                .isInstanceOf(RuleViolation.class).hasMessage("product p9 is unknown");
        assertThatThrownBy(() -> ShoppingList.plan("l1", "o1",
                List.of(new ShoppingList.Line(SHOP, ProductToPick.removedFromCatalog("p1"), 1))))
                .isInstanceOf(RuleViolation.class).hasMessage("product p1 was removed");
        assertThatThrownBy(() -> ShoppingList.plan("l1", "o1", List.of(new ShoppingList.Line(SHOP, BREAD, 1))))
                .isInstanceOf(RuleViolation.class).hasMessage("product p2 is not sold by store s1");
        assertThatThrownBy(() -> ShoppingList.plan("l1", "o1", List.of())).isInstanceOf(InvalidValue.class);
    }

    @Test
    void theLifeOfAListGoesPendingAvailableAssignedCompleted() {
        ShoppingList pending = ShoppingList.plan("l1", "o1", List.of(new ShoppingList.Line(SHOP, APPLE, 1)));

        ShoppingList completed = pending.makeAvailable().assign(" bot-1 ").complete();

        assertThat(completed.status()).isEqualTo(ShoppingListStatus.COMPLETED);
        assertThat(completed.assignedBotId()).isEqualTo("bot-1");
        assertThatThrownBy(completed::cancel).isInstanceOf(RuleViolation.class)
                .hasMessage("shopping list l1 is completed: it cannot be canceled");
        assertThatThrownBy(() -> pending.assign("bot-1")).isInstanceOf(RuleViolation.class)
                .hasMessage("shopping list l1 is pending, not available: it cannot be assigned");
        assertThatThrownBy(() -> pending.makeAvailable().assign(" ")).isInstanceOf(InvalidValue.class)
                .hasMessage("botId is required");
        assertThat(pending.cancel().status()).isEqualTo(ShoppingListStatus.CANCELED);
        assertThatThrownBy(() -> pending.cancel().makeAvailable()).isInstanceOf(RuleViolation.class);
    }

    @Test
    void cacheEntriesMergeByTheirPartsVersions() {
        StoreToVisit store = StoreToVisit.unseen("s1").rebranded("New Name", 3).created("Old Name", "Level 1", 1);
        assertThat(store.name().value()).isEqualTo("New Name");
        assertThat(store.location().value()).isEqualTo("Level 1");
        assertThat(store.known()).isTrue();
        assertThat(StoreToVisit.unseen("s1").rebranded("Name", 2).known()).isFalse();

        ProductToPick product = ProductToPick.unseen("p1").rebranded("Green", 2).added("s1", "Apple", 1);
        assertThat(product).isEqualTo(new ProductToPick("p1", "s1", new mallbots.platform.domain.Versioned<>("Green", 2),
                false));
        assertThat(product.available()).isTrue();
    }
}
