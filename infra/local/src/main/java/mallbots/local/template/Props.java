package mallbots.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved properties of one resource (or of one nested block), checked against the
 * property names the local cloud understands: an unknown one is an error naming it.
 */
final class Props {

    private final String where;
    private final Map<?, ?> values;

    private Props(String where, Map<?, ?> values) {
        this.where = where;
        this.values = values;
    }

    static Props of(Object value, String where, Set<String> known) {
        if (value == null) {
            return new Props(where, Map.of());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw TemplateException.at(where, "expected a mapping, got " + value);
        }
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw TemplateException.at(where + "." + key, "unknown property (the local cloud understands "
                        + known.stream().sorted().toList() + ")");
            }
        }
        return new Props(where, map);
    }

    String where() {
        return where;
    }

    String where(String key) {
        return where + "." + key;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Optional<Object> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    String requireString(String key) {
        return string(key).orElseThrow(() -> TemplateException.at(where(key), "required property is missing"));
    }

    Optional<String> string(String key) {
        return raw(key).map(v -> Intrinsics.scalar(v, where(key), key));
    }

    Optional<Integer> integer(String key) {
        return string(key).map(s -> {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw TemplateException.at(where(key), "expected an integer, got " + s);
            }
        });
    }

    Optional<Boolean> bool(String key) {
        return string(key).map(s -> switch (s.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw TemplateException.at(where(key), "expected true or false, got " + s);
        });
    }

    Props child(String key, Set<String> known) {
        return of(values.get(key), where(key), known);
    }

    List<?> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw TemplateException.at(where(key), "expected a list, got " + value);
    }

    List<String> strings(String key) {
        Object value = values.get(key);
        if (value instanceof String s) {
            return List.of(s);
        }
        return list(key).stream().map(v -> Intrinsics.scalar(v, where(key), key)).toList();
    }

    Map<?, ?> map(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw TemplateException.at(where(key), "expected a mapping, got " + value);
    }
}
