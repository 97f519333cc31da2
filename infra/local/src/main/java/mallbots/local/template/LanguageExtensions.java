package mallbots.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of CloudFormation's {@code AWS::LanguageExtensions} transform that template.yaml uses:
 * {@code Fn::ForEach} loops in Resources, Conditions and Outputs, expanded before anything else
 * reads the template, as CloudFormation (and {@code sam build --language-extensions}) do.
 * {@code Fn::FindInMap}, the other function these loops lean on, is evaluated with the other
 * intrinsics ({@link Intrinsics}).
 *
 * <p>{@code Fn::ForEach::Name: [Identifier, [value, ...], {OutputKey: fragment}]} gives, for each
 * value, the fragment under its OutputKey, where {@code ${Identifier}} (and {@code &{Identifier}},
 * the value without its non-alphanumeric characters) in the OutputKey, {@code Ref: Identifier} and
 * {@code ${Identifier}} in an {@code Fn::Sub} string of the fragment stand for the value. Loops
 * nest. A loop in a template that does not declare the transform, a collection that is not a
 * literal list of strings, or two loops making the same key is a {@link TemplateException}.
 *
 * <p>We wrote it because no Java library expands the language extensions (cfn-lint and the SAM
 * CLI do it in Python, CloudFormation on the server).
 */
public final class LanguageExtensions {

    public static final String TRANSFORM = "AWS::LanguageExtensions";
    static final String SERVERLESS = "AWS::Serverless-2016-10-31";
    private static final String FOR_EACH = "Fn::ForEach::";
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");

    private LanguageExtensions() {
    }

    /** The document with every {@code Fn::ForEach} expanded; a document without loops comes back equal. */
    public static Map<String, Object> expand(Map<String, Object> document) {
        List<String> transforms = transforms(document.get("Transform"));
        boolean declared = transforms.contains(TRANSFORM);
        if (declared && transforms.contains(SERVERLESS) && transforms.indexOf(TRANSFORM) > transforms.indexOf(SERVERLESS)) {
            throw TemplateException.at("Transform", TRANSFORM + " must come before " + SERVERLESS
                    + " (SAM cannot translate a template whose loops are not expanded yet)");
        }
        Map<String, Object> expanded = new LinkedHashMap<>();
        document.forEach((section, value) -> {
            if (List.of("Resources", "Conditions", "Outputs").contains(section) && value instanceof Map<?, ?> entries) {
                expanded.put(section, expandSection(entries, section, declared));
            } else {
                expanded.put(section, value);
            }
        });
        return expanded;
    }

    private static List<String> transforms(Object transform) {
        if (transform == null) {
            return List.of();
        }
        if (transform instanceof String single) {
            return List.of(single);
        }
        if (transform instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw TemplateException.at("Transform", "expected a name or a list of names, got " + transform);
    }

    private static Map<String, Object> expandSection(Map<?, ?> entries, String where, boolean declared) {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (!name.startsWith(FOR_EACH)) {
                put(out, name, value, where);
                return;
            }
            String at = where + "." + name;
            if (!declared) {
                throw TemplateException.at(at, "Fn::ForEach needs Transform " + TRANSFORM);
            }
            expandSection(loop(value, at), where, true).forEach((k, v) -> put(out, k, v, where));
        });
        return out;
    }

    /** One loop's output, its nested loops not expanded yet (the caller expands what it returns). */
    private static Map<String, Object> loop(Object definition, String where) {
        if (!(definition instanceof List<?> parts) || parts.size() != 3) {
            throw TemplateException.at(where, "Fn::ForEach takes [Identifier, [values], {OutputKey: fragment}]");
        }
        if (!(parts.get(0) instanceof String identifier) || !LOGICAL_ID.matcher(identifier).matches()) {
            throw TemplateException.at(where, "the loop's identifier must be alphanumeric, got " + parts.get(0));
        }
        if (!(parts.get(1) instanceof List<?> collection)) {
            throw TemplateException.at(where, "the local cloud expands loops over a literal list only, got " + parts.get(1));
        }
        if (!(parts.get(2) instanceof Map<?, ?> fragment) || fragment.isEmpty()) {
            throw TemplateException.at(where, "the loop's third element is a mapping {OutputKey: fragment}");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object item : collection) {
            if (!(item instanceof String value)) {
                throw TemplateException.at(where, "the loop's values must be strings, got " + item);
            }
            fragment.forEach((key, body) -> {
                String outputKey = String.valueOf(key);
                String expandedKey = outputKey.startsWith(FOR_EACH) ? outputKey + "/" + value
                        : key(outputKey, identifier, value);
                if (!outputKey.startsWith(FOR_EACH) && !LOGICAL_ID.matcher(expandedKey).matches()) {
                    throw TemplateException.at(where, "OutputKey " + outputKey + " gives " + expandedKey
                            + " for " + value + ", not an alphanumeric logical id");
                }
                put(out, expandedKey, substitute(body, identifier, value), where);
            });
        }
        return out;
    }

    private static String key(String outputKey, String identifier, String value) {
        return outputKey.replace("${" + identifier + "}", value)
                .replace("&{" + identifier + "}", value.replaceAll("[^A-Za-z0-9]", ""));
    }

    /** The fragment with the loop's value put in for its identifier. */
    private static Object substitute(Object body, String identifier, String value) {
        if (body instanceof Map<?, ?> map) {
            if (map.size() == 1 && identifier.equals(map.get("Ref"))) {
                return value;
            }
            if (map.size() == 1 && map.containsKey("Fn::Sub")) {
                return Map.of("Fn::Sub", sub(map.get("Fn::Sub"), identifier, value));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String name = String.valueOf(k);
                // a nested loop keeps its own identifier; its OutputKey may use ours
                out.put(name.startsWith(FOR_EACH) ? name : key(name, identifier, value), substitute(v, identifier, value));
            });
            return out;
        }
        if (body instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(element -> out.add(substitute(element, identifier, value)));
            return out;
        }
        return body;
    }

    /** {@code ${Identifier}} in a Sub's string, unless the Sub's own variables define that name. */
    private static Object sub(Object argument, String identifier, String value) {
        String variable = "${" + identifier + "}";
        if (argument instanceof String text) {
            return text.replace(variable, value);
        }
        if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String text
                && list.get(1) instanceof Map<?, ?> variables) {
            String replaced = variables.containsKey(identifier) ? text : text.replace(variable, value);
            return List.of(replaced, substitute(variables, identifier, value));
        }
        return substitute(argument, identifier, value);
    }

    private static void put(Map<String, Object> out, String key, Object value, String where) {
        if (out.putIfAbsent(key, value) != null) {
            throw TemplateException.at(where + "." + key, "declared twice (by a loop, or by a loop and by hand)");
        }
    }
}
