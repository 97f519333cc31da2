package mallbots.platform.eventstore;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import mallbots.platform.domain.DomainEvent;

/**
 * The names under which an aggregate's events are stored, both ways. The name is part of the
 * stored history: renaming a record class must keep its old name here.
 */
public final class EventTypes<E extends DomainEvent> {

    private final Map<String, Class<? extends E>> byName;
    private final Map<Class<?>, String> byClass;

    private EventTypes(Map<String, Class<? extends E>> byName) {
        this.byName = Map.copyOf(byName);
        Map<Class<?>, String> names = new HashMap<>();
        byName.forEach((name, type) -> names.put(type, name));
        this.byClass = Map.copyOf(names);
    }

    /**
     * The events of a sealed interface, each under its simple class name, e.g. every record that
     * {@code StoreEvent} permits.
     */
    public static <E extends DomainEvent> EventTypes<E> sealed(Class<E> base) {
        if (!base.isSealed()) {
            throw new IllegalArgumentException(base.getName() + " is not sealed: register its events by name");
        }
        Builder<E> builder = builder(base);
        for (Class<?> permitted : base.getPermittedSubclasses()) {
            builder.add(permitted.getSimpleName(), permitted.asSubclass(base));
        }
        return builder.build();
    }

    public static <E extends DomainEvent> Builder<E> builder(Class<E> base) {
        return new Builder<>(base);
    }

    public String nameOf(E event) {
        String name = byClass.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("unregistered event type " + event.getClass().getName());
        }
        return name;
    }

    public Class<? extends E> typeOf(String name) {
        Class<? extends E> type = byName.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown stored event type " + name);
        }
        return type;
    }

    public static final class Builder<E extends DomainEvent> {

        private final Class<E> base;
        private final Map<String, Class<? extends E>> byName = new HashMap<>();

        private Builder(Class<E> base) {
            this.base = Objects.requireNonNull(base, "base");
        }

        public Builder<E> add(String name, Class<? extends E> type) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an event type needs a name");
            }
            if (!type.isRecord() || !base.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type.getName() + " is not a record implementing " + base.getName());
            }
            if (byName.containsKey(name) || byName.containsValue(type)) {
                throw new IllegalArgumentException("event type registered twice: " + name + " / " + type.getName());
            }
            byName.put(name, type);
            return this;
        }

        public EventTypes<E> build() {
            if (byName.isEmpty()) {
                throw new IllegalStateException("no event types for " + base.getName());
            }
            return new EventTypes<>(byName);
        }
    }
}
