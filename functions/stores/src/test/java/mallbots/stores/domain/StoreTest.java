package mallbots.stores.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.RuleViolation;
import mallbots.platform.domain.VersionedEvent;
import mallbots.stores.domain.StoreEvent.StoreCreated;
import mallbots.stores.domain.StoreEvent.StoreParticipationToggled;
import mallbots.stores.domain.StoreEvent.StoreRebranded;
import org.junit.jupiter.api.Test;

class StoreTest {

    @Test
    void createsAStoreOutsideTheProgramWithTrimmedFields() {
        Store store = Store.create("s-1", "  Corner Shop ", " Level 1 ");

        assertThat(store.id()).isEqualTo("s-1");
        assertThat(store.snapshot()).isEqualTo(new StoreSnapshot("Corner Shop", "Level 1", false));
        assertThat(store.version()).isZero();
        assertThat(store.currentVersion()).isEqualTo(1);
        assertThat(store.uncommittedEvents())
                .containsExactly(new VersionedEvent<>(1, new StoreCreated("Corner Shop", "Level 1")));
    }

    @Test
    void refusesAMissingNameOrLocation() {
        assertThatThrownBy(() -> Store.create("s-1", " ", "Level 1"))
                .isInstanceOf(InvalidValue.class).hasMessage("name is required");
        assertThatThrownBy(() -> Store.create("s-1", "Corner Shop", null))
                .isInstanceOf(InvalidValue.class).hasMessage("location is required");
    }

    @Test
    void enablesAndDisablesParticipationButNeverTwiceInARow() {
        Store store = committed(Store.create("s-1", "Corner Shop", "Level 1"));

        assertThatThrownBy(store::disableParticipation)
                .isInstanceOf(RuleViolation.class).hasMessage("store s-1 is already not participating");

        store.enableParticipation();
        assertThat(store.participating()).isTrue();
        assertThatThrownBy(store::enableParticipation)
                .isInstanceOf(RuleViolation.class).hasMessage("store s-1 is already participating");

        store.disableParticipation();
        assertThat(store.participating()).isFalse();

        assertThat(store.uncommittedEvents()).containsExactly(
                new VersionedEvent<>(2, new StoreParticipationToggled(true)),
                new VersionedEvent<>(3, new StoreParticipationToggled(false)));
    }

    @Test
    void rebrandsToANewNameOnly() {
        Store store = committed(Store.create("s-1", "Corner Shop", "Level 1"));

        store.rebrand(" Corner Market ");

        assertThat(store.name()).isEqualTo("Corner Market");
        assertThat(store.location()).isEqualTo("Level 1");
        assertThat(store.uncommittedEvents())
                .containsExactly(new VersionedEvent<>(2, new StoreRebranded("Corner Market")));
        assertThatThrownBy(() -> store.rebrand("Corner Market"))
                .isInstanceOf(RuleViolation.class).hasMessage("store s-1 is already named Corner Market");
        assertThatThrownBy(() -> store.rebrand(""))
                .isInstanceOf(InvalidValue.class).hasMessage("name is required");
        assertThat(store.currentVersion()).isEqualTo(2);
    }

    @Test
    void aRefusedCommandRaisesNothing() {
        Store store = committed(Store.create("s-1", "Corner Shop", "Level 1"));

        assertThatThrownBy(store::disableParticipation).isInstanceOf(RuleViolation.class);

        assertThat(store.uncommittedEvents()).isEmpty();
        assertThat(store.snapshot()).isEqualTo(new StoreSnapshot("Corner Shop", "Level 1", false));
    }

    @Test
    void replayingTheEventsGivesTheStateTheCommandsMade() {
        Store store = Store.create("s-1", "Corner Shop", "Level 1");
        store.enableParticipation();
        store.rebrand("Corner Market");
        store.disableParticipation();
        store.enableParticipation();

        Store replayed = replay("s-1", store.uncommittedEvents());

        assertThat(replayed.snapshot()).isEqualTo(store.snapshot())
                .isEqualTo(new StoreSnapshot("Corner Market", "Level 1", true));
        assertThat(replayed.version()).isEqualTo(5);
    }

    @Test
    void aRestoredSnapshotEqualsTheReplayAndTakesFurtherCommands() {
        Store store = Store.create("s-1", "Corner Shop", "Level 1");
        store.enableParticipation();
        store.rebrand("Corner Market");
        List<VersionedEvent<StoreEvent>> history = store.uncommittedEvents();

        Store restored = new Store("s-1");
        restored.restoreSnapshot(3, store.snapshot());

        Store replayed = replay("s-1", history);
        assertThat(restored.snapshot()).isEqualTo(replayed.snapshot());
        assertThat(restored.version()).isEqualTo(replayed.version());

        assertThatThrownBy(restored::enableParticipation).isInstanceOf(RuleViolation.class);
        restored.disableParticipation();
        assertThat(restored.uncommittedEvents())
                .containsExactly(new VersionedEvent<>(4, new StoreParticipationToggled(false)));
    }

    @Test
    void theMallShowsTheWholeState() {
        Store store = Store.create("s-1", "Corner Shop", "Level 1");
        store.enableParticipation();

        assertThat(MallStore.of(store)).isEqualTo(new MallStore("s-1", "Corner Shop", "Level 1", true));
        assertThatThrownBy(() -> MallStore.of(new Store("s-2"))).isInstanceOf(IllegalArgumentException.class);
    }

    static Store committed(Store store) {
        store.markCommitted();
        return store;
    }

    static Store replay(String id, List<VersionedEvent<StoreEvent>> events) {
        Store store = new Store(id);
        events.forEach(store::replay);
        return store;
    }
}
