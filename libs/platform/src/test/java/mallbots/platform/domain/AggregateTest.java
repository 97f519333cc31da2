package mallbots.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AggregateTest {

    record Added(int amount) implements DomainEvent {
    }

    record Total(int value) {
    }

    /** A counter: the smallest aggregate there is. */
    static final class Counter extends Aggregate<Added, Total> {

        private int total;

        Counter(String id) {
            super(id);
        }

        void add(int amount) {
            if (amount <= 0) {
                throw new IllegalArgumentException("add a positive amount");
            }
            raise(new Added(amount));
        }

        int total() {
            return total;
        }

        @Override
        protected void when(Added event) {
            total += event.amount();
        }

        @Override
        public Total snapshot() {
            return new Total(total);
        }

        @Override
        protected void restore(Total snapshot) {
            total = snapshot.value();
        }
    }

    @Test
    void raisedEventsChangeTheStateAndWaitWithTheirVersionsUntilCommitted() {
        Counter counter = new Counter("c-1");
        counter.add(2);
        counter.add(3);

        assertThat(counter.total()).isEqualTo(5);
        assertThat(counter.version()).isZero();
        assertThat(counter.currentVersion()).isEqualTo(2);
        assertThat(counter.uncommittedEvents()).containsExactly(
                new VersionedEvent<>(1, new Added(2)), new VersionedEvent<>(2, new Added(3)));

        counter.markCommitted();

        assertThat(counter.version()).isEqualTo(2);
        assertThat(counter.uncommittedEvents()).isEmpty();
        counter.add(1);
        assertThat(counter.uncommittedEvents()).containsExactly(new VersionedEvent<>(3, new Added(1)));
    }

    @Test
    void rebuildsFromASnapshotAndTheEventsAfterIt() {
        Counter counter = new Counter("c-2");
        counter.restoreSnapshot(10, new Total(100));
        counter.replay(new VersionedEvent<>(11, new Added(5)));

        assertThat(counter.total()).isEqualTo(105);
        assertThat(counter.version()).isEqualTo(11);
        assertThatThrownBy(() -> counter.replay(new VersionedEvent<>(13, new Added(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 13");
        assertThatThrownBy(() -> counter.restoreSnapshot(20, new Total(0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void conflictRetryRerunsTheAttemptABoundedNumberOfTimes() {
        AtomicInteger attempts = new AtomicInteger();
        assertThat(ConflictRetry.attempts(3).run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyConflict("lost");
            }
            return "won";
        })).isEqualTo("won");

        List<Integer> tries = new ArrayList<>();
        assertThatThrownBy(() -> ConflictRetry.attempts(2).run(() -> {
            tries.add(tries.size() + 1);
            throw new ConcurrencyConflict("always lost");
        })).isInstanceOf(ConcurrencyConflict.class).hasMessage("always lost");
        assertThat(tries).containsExactly(1, 2);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> ConflictRetry.defaults().run(() -> {
            once.incrementAndGet();
            throw new IllegalArgumentException("a rule, not a conflict");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(once).hasValue(1);
    }
}
