package mallbots.baskets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Versioned;
import org.junit.jupiter.api.Test;

class CachedStoreTest {

    @Test
    void theNewestNameWinsInEitherOrder() {
        CachedStore inOrder = CachedStore.unseen("s-1").named("Corner Shop", 1).named("Corner Market", 3);
        CachedStore reordered = CachedStore.unseen("s-1").named("Corner Market", 3).named("Corner Shop", 1);

        assertThat(inOrder).isEqualTo(reordered).isEqualTo(new CachedStore("s-1", new Versioned<>("Corner Market", 3)));
        assertThat(inOrder.named("Corner Market", 3)).as("a duplicate").isEqualTo(inOrder);
    }

    @Test
    void aNameIsText() {
        assertThatThrownBy(() -> CachedStore.unseen("s-1").named(" ", 1)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> CachedStore.unseen("s-1").named("Corner Shop", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
