package mallbots.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions a SAM template of this kind uses: Ref, Fn::GetAtt, Fn::Sub
 * (string and [string, variables] forms), Fn::Join, Fn::Select and Fn::FindInMap (without
 * DefaultValue). Any other intrinsic is an error that names where it was found: the local cloud
 * never guesses.
 */
final class Intrinsics {

    /** How a Ref or GetAtt of a resource, parameter or pseudo parameter resolves. */
    interface Names {
        String ref(String name, String where);

        String getAtt(String logicalId, String attribute, String where);

        /** The template's Mappings section. */
        Map<?, ?> mappings();
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Names names;

    Intrinsics(Names names) {
        this.names = names;
    }

    /** The value with every intrinsic inside it evaluated; maps keep their order. */
    Object resolve(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Object key = map.keySet().iterator().next();
                if (key instanceof String k && (k.equals("Ref") || k.startsWith("Fn::") || k.equals("Condition"))) {
                    return call(k, map.get(k), where);
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v, where + "." + k)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                resolved.add(resolve(list.get(i), where + "[" + i + "]"));
            }
            return resolved;
        }
        return value;
    }

    private Object call(String function, Object argument, String where) {
        return switch (function) {
            case "Ref" -> names.ref(scalar(resolve(argument, where), where, "Ref"), where);
            case "Fn::GetAtt" -> getAtt(resolve(argument, where), where);
            case "Fn::Sub" -> sub(argument, where);
            case "Fn::Join" -> join(resolve(argument, where), where);
            case "Fn::Select" -> select(resolve(argument, where), where);
            case "Fn::FindInMap" -> findInMap(resolve(argument, where), where);
            default -> throw TemplateException.at(where, function.replace("Fn::", "!")
                    + " is not supported by the local cloud (supported: !Ref, !GetAtt, !Sub, !Join, !Select, !FindInMap)");
        };
    }

    private String getAtt(Object argument, String where) {
        List<?> parts = argument instanceof String s && s.contains(".")
                ? List.of(s.substring(0, s.indexOf('.')), s.substring(s.indexOf('.') + 1))
                : list(argument, where, "Fn::GetAtt");
        if (parts.size() != 2) {
            throw TemplateException.at(where, "Fn::GetAtt takes [Resource, Attribute], got " + argument);
        }
        return names.getAtt(scalar(parts.get(0), where, "Fn::GetAtt"), scalar(parts.get(1), where, "Fn::GetAtt"), where);
    }

    private String sub(Object argument, String where) {
        String text;
        Map<String, String> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> list) {
            if (list.size() != 2 || !(list.get(1) instanceof Map<?, ?> vars)) {
                throw TemplateException.at(where, "Fn::Sub takes a string or [string, {variables}]");
            }
            text = scalar(list.get(0), where, "Fn::Sub");
            vars.forEach((k, v) -> variables.put(String.valueOf(k), scalar(resolve(v, where + "." + k), where, "Fn::Sub")));
        } else {
            text = scalar(argument, where, "Fn::Sub");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = variables.get(name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = names.getAtt(name.substring(0, dot), name.substring(dot + 1), where);
            } else {
                replacement = names.ref(name, where);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(Object argument, String where) {
        List<?> parts = list(argument, where, "Fn::Join");
        if (parts.size() != 2) {
            throw TemplateException.at(where, "Fn::Join takes [delimiter, [values]]");
        }
        String delimiter = scalar(parts.get(0), where, "Fn::Join");
        List<String> values = new ArrayList<>();
        for (Object v : list(parts.get(1), where, "Fn::Join")) {
            values.add(scalar(v, where, "Fn::Join"));
        }
        return String.join(delimiter, values);
    }

    private Object select(Object argument, String where) {
        List<?> parts = list(argument, where, "Fn::Select");
        if (parts.size() != 2) {
            throw TemplateException.at(where, "Fn::Select takes [index, [values]]");
        }
        int index;
        try {
            index = Integer.parseInt(scalar(parts.get(0), where, "Fn::Select"));
        } catch (NumberFormatException e) {
            throw TemplateException.at(where, "Fn::Select index is not a number: " + parts.get(0));
        }
        List<?> values = parts.get(1) instanceof String s ? List.of(s.split(",")) : list(parts.get(1), where, "Fn::Select");
        if (index < 0 || index >= values.size()) {
            throw TemplateException.at(where, "Fn::Select index " + index + " is outside " + values);
        }
        return values.get(index);
    }

    /** A value of the Mappings: a string or a list of strings, as CloudFormation allows there. */
    private Object findInMap(Object argument, String where) {
        List<?> keys = list(argument, where, "Fn::FindInMap");
        if (keys.size() != 3) {
            throw TemplateException.at(where, "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey], got " + argument);
        }
        String map = scalar(keys.get(0), where, "Fn::FindInMap");
        String top = scalar(keys.get(1), where, "Fn::FindInMap");
        String second = scalar(keys.get(2), where, "Fn::FindInMap");
        Object mapping = names.mappings().get(map);
        if (!(mapping instanceof Map<?, ?> tops)) {
            throw TemplateException.at(where, "!FindInMap: no mapping " + map + " in Mappings");
        }
        if (!(tops.get(top) instanceof Map<?, ?> seconds)) {
            throw TemplateException.at(where, "!FindInMap: mapping " + map + " has no key " + top);
        }
        Object value = seconds.get(second);
        if (value == null) {
            throw TemplateException.at(where, "!FindInMap: mapping " + map + "." + top + " has no key " + second);
        }
        return value;
    }

    private static List<?> list(Object value, String where, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw TemplateException.at(where, function + " expects a list, got " + value);
    }

    static String scalar(Object value, String where, String what) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw TemplateException.at(where, what + " expects a string, got " + value);
    }
}
