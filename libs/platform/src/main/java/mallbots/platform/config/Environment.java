package mallbots.platform.config;

import java.util.Map;
import java.util.Optional;

/**
 * The configuration seam of every handler. Lambda gives a function its settings as environment
 * variables; the local cloud runs many functions in one JVM, each with its own map. A handler's
 * no-argument constructor uses {@link #system()}, its other constructor takes a map.
 */
public final class Environment {

    private final Map<String, String> variables;

    private Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables);
    }

    /** A required setting; its absence is a configuration error that names it. */
    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing environment variable " + name);
        }
        return value;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        return get(name).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("environment variable " + name + " is not an integer: " + value, e);
            }
        }).orElse(defaultValue);
    }

    public Map<String, String> asMap() {
        return variables;
    }
}
