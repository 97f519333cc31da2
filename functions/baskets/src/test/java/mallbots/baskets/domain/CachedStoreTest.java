package mallbots.baskets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import mallbots.platform.domain.InvalidValue;
import org.junit.jupiter.api.Test;

class CachedStoreTest {

    private static final CachedStore CREATED = new CachedStore("s-1", "Corner Shop", 1);
    private static final CachedStore REBRANDED = new CachedStore("s-1", "Corner Market", 3);

    @Test
    void theFirstEventMakesTheEntry() {
        assertThat(CachedStore.apply(Optional.empty(), CREATED)).isEqualTo(CREATED);
        assertThat(CachedStore.apply(Optional.empty(), REBRANDED)).isEqualTo(REBRANDED);
    }

    @Test
    void aNewerNameReplacesTheEntry() {
        assertThat(CachedStore.apply(Optional.of(CREATED), REBRANDED)).isEqualTo(REBRANDED);
    }

    @Test
    void aLateOrRepeatedEventChangesNothing() {
        assertThat(CachedStore.apply(Optional.of(REBRANDED), CREATED)).isSameAs(REBRANDED);
        assertThat(REBRANDED.updatedBy(new CachedStore("s-1", "Other", 3))).isSameAs(REBRANDED);
    }

    @Test
    void refusesAnUpdateOfAnotherStoreOrWithoutNameOrVersion() {
        assertThatThrownBy(() -> CREATED.updatedBy(new CachedStore("s-2", "Bakery", 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachedStore("s-1", " ", 1)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new CachedStore("s-1", "Corner Shop", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
