package mallbots.platform.statestore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import mallbots.platform.messaging.OutboundEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a decision does to a state item: its new state (or keep the old one), the messages to
 * publish with it (the outbox), and top-level attributes to set or remove, e.g. the key of a
 * GSI that queries the items. {@link #none()} writes nothing at all.
 */
public final class Change<T> {

    static final Set<String> RESERVED = Set.of("pk", "sk", StateStore.STATE, StateStore.VERSION,
            StateStore.APPLIED, StateStore.AGGREGATE_VERSION, "outbox", "outboxPending", "outboxSince");

    private final boolean write;
    private final T state;
    private final List<OutboundEvent> outbox;
    private final Map<String, AttributeValue> attributes;
    private final Set<String> removed;

    private Change(boolean write, T state, List<OutboundEvent> outbox, Map<String, AttributeValue> attributes,
            Set<String> removed) {
        this.write = write;
        this.state = state;
        this.outbox = List.copyOf(outbox);
        this.attributes = Map.copyOf(attributes);
        this.removed = Set.copyOf(removed);
    }

    /** Nothing to write: the item stays as it is and the message is not recorded as applied. */
    public static <T> Change<T> none() {
        return new Change<>(false, null, List.of(), Map.of(), Set.of());
    }

    /** The item's new state. */
    public static <T> Change<T> to(T state) {
        return new Change<>(true, Objects.requireNonNull(state, "state"), List.of(), Map.of(), Set.of());
    }

    /** Keep the state (of an existing item) but write the rest: the applied message, the outbox. */
    public static <T> Change<T> keep() {
        return new Change<>(true, null, List.of(), Map.of(), Set.of());
    }

    public Change<T> publish(OutboundEvent... events) {
        return publish(List.of(events));
    }

    public Change<T> publish(List<OutboundEvent> events) {
        requireWrite();
        List<OutboundEvent> all = new ArrayList<>(outbox);
        Set<String> ids = new HashSet<>();
        all.forEach(event -> ids.add(event.messageId()));
        for (OutboundEvent event : events) {
            if (!ids.add(event.messageId())) {
                throw new IllegalArgumentException("two outbox entries with message id " + event.messageId());
            }
            all.add(event);
        }
        return new Change<>(true, state, all, attributes, removed);
    }

    /** Sets a top-level attribute of the item (e.g. a GSI key). */
    public Change<T> set(String attribute, AttributeValue value) {
        requireWrite();
        requireFree(attribute);
        Map<String, AttributeValue> all = new HashMap<>(attributes);
        all.put(attribute, Objects.requireNonNull(value, "value"));
        Set<String> stillRemoved = new HashSet<>(removed);
        stillRemoved.remove(attribute);
        return new Change<>(true, state, outbox, all, stillRemoved);
    }

    /** Removes a top-level attribute (e.g. takes the item out of a sparse GSI). */
    public Change<T> remove(String attribute) {
        requireWrite();
        requireFree(attribute);
        Map<String, AttributeValue> all = new HashMap<>(attributes);
        all.remove(attribute);
        Set<String> allRemoved = new HashSet<>(removed);
        allRemoved.add(attribute);
        return new Change<>(true, state, outbox, all, allRemoved);
    }

    public boolean writes() {
        return write;
    }

    /** The new state, or null to keep the current one. */
    public T state() {
        return state;
    }

    public List<OutboundEvent> outbox() {
        return outbox;
    }

    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    public Set<String> removedAttributes() {
        return removed;
    }

    private void requireWrite() {
        if (!write) {
            throw new IllegalStateException("Change.none() writes nothing: start from to(state) or keep()");
        }
    }

    private static void requireFree(String attribute) {
        if (attribute == null || attribute.isBlank() || RESERVED.contains(attribute)) {
            throw new IllegalArgumentException("attribute name reserved by the state store: " + attribute);
        }
    }
}
