package mallbots.platform.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's condition, key condition, update and projection expressions, parsed and evaluated
 * for {@link InMemoryDynamo}: comparisons ({@code = <> < <= > >=}, {@code BETWEEN}, {@code IN}),
 * {@code AND OR NOT} and parentheses, {@code attribute_exists}, {@code attribute_not_exists},
 * {@code begins_with}, {@code contains}, {@code size}; {@code SET} (with {@code if_not_exists},
 * {@code list_append}, {@code +} and {@code -}) and {@code REMOVE} on top-level and nested paths.
 * Names and values come from the request's placeholders, as DynamoDB requires every placeholder
 * given to be used and every one used to be given.
 */
final class DynamoExpressions {

    private DynamoExpressions() {
    }

    /** The request's placeholders, and which of them its expressions used. */
    static final class Placeholders {

        private final Map<String, String> names;
        private final Map<String, AttributeValue> values;
        private final Set<String> usedNames = new HashSet<>();
        private final Set<String> usedValues = new HashSet<>();

        Placeholders(Map<String, String> names, Map<String, AttributeValue> values) {
            this.names = names == null ? Map.of() : names;
            this.values = values == null ? Map.of() : values;
        }

        String name(String token) {
            if (!token.startsWith("#")) {
                return token;
            }
            String name = names.get(token);
            if (name == null) {
                throw InMemoryDynamo.validation("An expression attribute name used in the document path is not defined;"
                        + " attribute name: " + token);
            }
            usedNames.add(token);
            return name;
        }

        AttributeValue value(String token) {
            AttributeValue value = values.get(token);
            if (value == null) {
                throw InMemoryDynamo.validation("An expression attribute value used in expression is not defined;"
                        + " attribute value: " + token);
            }
            usedValues.add(token);
            return value;
        }

        /** DynamoDB refuses a request with a placeholder that no expression of it uses. */
        void checkAllUsed() {
            Set<String> unusedNames = new HashSet<>(names.keySet());
            unusedNames.removeAll(usedNames);
            if (!unusedNames.isEmpty()) {
                throw InMemoryDynamo.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: "
                        + unusedNames);
            }
            Set<String> unusedValues = new HashSet<>(values.keySet());
            unusedValues.removeAll(usedValues);
            if (!unusedValues.isEmpty()) {
                throw InMemoryDynamo.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: "
                        + unusedValues);
            }
        }
    }

    // ---------------------------------------------------------------- paths

    /** A document path: a top-level attribute, then map keys (String) or list indexes (Integer). */
    record Path(List<Object> parts) {

        String top() {
            return (String) parts.getFirst();
        }

        AttributeValue in(Map<String, AttributeValue> item) {
            AttributeValue value = item.get(top());
            for (int i = 1; i < parts.size() && value != null; i++) {
                value = step(value, parts.get(i));
            }
            return value;
        }

        private static AttributeValue step(AttributeValue value, Object part) {
            if (part instanceof String key) {
                return value.hasM() ? value.m().get(key) : null;
            }
            int index = (Integer) part;
            return value.hasL() && index < value.l().size() ? value.l().get(index) : null;
        }

        /** Sets the value at the path; the parent of a nested path must exist. */
        void set(Map<String, AttributeValue> item, AttributeValue value) {
            if (parts.size() == 1) {
                item.put(top(), value);
                return;
            }
            AttributeValue top = item.get(top());
            if (top == null) {
                throw invalidPath();
            }
            item.put(top(), with(top, 1, value));
        }

        void remove(Map<String, AttributeValue> item) {
            if (parts.size() == 1) {
                item.remove(top());
                return;
            }
            AttributeValue top = item.get(top());
            if (top != null) {
                AttributeValue without = with(top, 1, null);
                if (without != null) {
                    item.put(top(), without);
                }
            }
        }

        /** {@code container} with the value at parts[from..] replaced (null value: removed). */
        private AttributeValue with(AttributeValue container, int from, AttributeValue value) {
            Object part = parts.get(from);
            boolean last = from == parts.size() - 1;
            if (part instanceof String key) {
                if (!container.hasM()) {
                    throw invalidPath();
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>(container.m());
                if (last) {
                    if (value == null) {
                        map.remove(key);
                    } else {
                        map.put(key, value);
                    }
                } else {
                    AttributeValue child = map.get(key);
                    if (child == null) {
                        if (value == null) {
                            return container;
                        }
                        throw invalidPath();
                    }
                    map.put(key, with(child, from + 1, value));
                }
                return AttributeValue.fromM(map);
            }
            int index = (Integer) part;
            if (!container.hasL()) {
                throw invalidPath();
            }
            List<AttributeValue> list = new ArrayList<>(container.l());
            if (last) {
                if (value == null) {
                    if (index < list.size()) {
                        list.remove(index);
                    }
                } else if (index < list.size()) {
                    list.set(index, value);
                } else {
                    list.add(value);
                }
            } else {
                if (index >= list.size()) {
                    if (value == null) {
                        return container;
                    }
                    throw invalidPath();
                }
                list.set(index, with(list.get(index), from + 1, value));
            }
            return AttributeValue.fromL(list);
        }

        private static RuntimeException invalidPath() {
            return InMemoryDynamo.validation("The document path provided in the update expression is invalid for update");
        }
    }

    // ---------------------------------------------------------------- public entry points

    static Predicate<Map<String, AttributeValue>> condition(String expression, Placeholders placeholders) {
        Parser parser = new Parser(expression, placeholders);
        Predicate<Map<String, AttributeValue>> condition = parser.condition();
        parser.end();
        return condition;
    }

    /**
     * A key condition: the hash key of the table or index equal to a value, and at most one
     * condition on its range key ({@code = < <= > >=}, {@code BETWEEN}, {@code begins_with}).
     */
    static Predicate<Map<String, AttributeValue>> keyCondition(String expression, Placeholders placeholders,
            InMemoryDynamo.Index index) {
        Parser parser = new Parser(expression, placeholders);
        parser.keyAttributes = new ArrayList<>();
        Predicate<Map<String, AttributeValue>> condition = parser.condition();
        parser.end();
        if (parser.usedOr) {
            throw InMemoryDynamo.validation("Invalid operator used in KeyConditionExpression: OR");
        }
        for (String attribute : parser.keyAttributes) {
            if (!attribute.equals(index.hash()) && !attribute.equals(index.range())) {
                throw InMemoryDynamo.validation("Query condition missed key schema element: " + index.hash()
                        + " (it names " + attribute + ")");
            }
        }
        if (!parser.keyAttributes.contains(index.hash())) {
            throw InMemoryDynamo.validation("Query condition missed key schema element: " + index.hash());
        }
        return condition;
    }

    static List<Path> projection(String expression, Placeholders placeholders) {
        if (expression == null) {
            return null;
        }
        Parser parser = new Parser(expression, placeholders);
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(parser.path());
        } while (parser.accept(","));
        parser.end();
        return paths;
    }

    /** The item with only the projected paths (all of it without a projection). */
    static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
        if (paths == null) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        for (Path path : paths) {
            AttributeValue value = path.in(item);
            if (value == null) {
                continue;
            }
            projected.merge(path.top(), skeleton(path, 1, value), DynamoExpressions::merge);
        }
        return projected;
    }

    /** Two projections of one map attribute, their entries together. */
    private static AttributeValue merge(AttributeValue a, AttributeValue b) {
        if (!a.hasM() || !b.hasM()) {
            return b;
        }
        Map<String, AttributeValue> both = new LinkedHashMap<>(a.m());
        b.m().forEach((key, value) -> both.merge(key, value, DynamoExpressions::merge));
        return AttributeValue.fromM(both);
    }

    private static AttributeValue skeleton(Path path, int from, AttributeValue value) {
        if (from == path.parts().size()) {
            return value;
        }
        Object part = path.parts().get(from);
        AttributeValue inner = skeleton(path, from + 1, value);
        return part instanceof String key ? AttributeValue.fromM(Map.of(key, inner)) : AttributeValue.fromL(List.of(inner));
    }

    /** An update expression, applied to a copy of the item: every value is read from the item before the update. */
    static final class Update {

        private final List<Path> sets = new ArrayList<>();
        private final List<Function<Map<String, AttributeValue>, AttributeValue>> values = new ArrayList<>();
        private final List<Path> removes = new ArrayList<>();

        void applyTo(Map<String, AttributeValue> item, Set<String> keyAttributes) {
            for (Path path : sets) {
                refuseKey(path, keyAttributes);
            }
            for (Path path : removes) {
                refuseKey(path, keyAttributes);
            }
            Map<String, AttributeValue> before = Map.copyOf(item);
            List<AttributeValue> computed = values.stream().map(value -> value.apply(before)).toList();
            for (int i = 0; i < sets.size(); i++) {
                sets.get(i).set(item, computed.get(i));
            }
            for (Path path : removes) {
                path.remove(item);
            }
        }

        private static void refuseKey(Path path, Set<String> keyAttributes) {
            if (keyAttributes.contains(path.top())) {
                throw InMemoryDynamo.validation("Cannot update attribute " + path.top()
                        + ". This attribute is part of the key");
            }
        }
    }

    static Update update(String expression, Placeholders placeholders) {
        Parser parser = new Parser(expression, placeholders);
        Update update = new Update();
        Set<String> clauses = new HashSet<>();
        while (!parser.atEnd()) {
            String clause = parser.word().toUpperCase(Locale.ROOT);
            if (!clauses.add(clause)) {
                throw InMemoryDynamo.validation("The " + clause + " section can only be used once in an update expression");
            }
            switch (clause) {
                case "SET" -> {
                    do {
                        Path path = parser.path();
                        parser.expect("=");
                        update.sets.add(path);
                        update.values.add(parser.setValue());
                    } while (parser.accept(","));
                }
                case "REMOVE" -> {
                    do {
                        update.removes.add(parser.path());
                    } while (parser.accept(","));
                }
                default -> throw InMemoryDynamo.validation("update clause " + clause + " is not supported here"
                        + " (SET and REMOVE are): " + expression);
            }
        }
        Set<String> paths = new HashSet<>();
        for (Path path : concat(update.sets, update.removes)) {
            if (!paths.add(path.parts().toString())) {
                throw InMemoryDynamo.validation("Two document paths overlap with each other; must remove or rewrite one"
                        + " of these paths: " + path.parts());
            }
        }
        return update;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------- the parser

    private static final class Parser {

        private final String text;
        private final List<String> tokens;
        private final Placeholders placeholders;
        private int at;
        List<String> keyAttributes;
        boolean usedOr;

        Parser(String text, Placeholders placeholders) {
            this.text = text;
            this.tokens = tokenize(text);
            this.placeholders = placeholders;
        }

        private static List<String> tokenize(String text) {
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#' || c == ':' || Character.isLetterOrDigit(c) || c == '_') {
                    int start = i++;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                            || text.charAt(i) == '-')) {
                        i++;
                    }
                    tokens.add(text.substring(start, i));
                } else if ((c == '<' || c == '>') && i + 1 < text.length()
                        && (text.charAt(i + 1) == '=' || (c == '<' && text.charAt(i + 1) == '>'))) {
                    tokens.add(text.substring(i, i + 2));
                    i += 2;
                } else if ("=<>(),.[]+-".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    throw InMemoryDynamo.validation("Invalid expression: unexpected '" + c + "' in " + text);
                }
            }
            return tokens;
        }

        boolean atEnd() {
            return at >= tokens.size();
        }

        void end() {
            if (!atEnd()) {
                throw syntax("unexpected " + tokens.get(at));
            }
        }

        private String peek() {
            return atEnd() ? null : tokens.get(at);
        }

        private boolean peekWord(String word) {
            return !atEnd() && tokens.get(at).equalsIgnoreCase(word);
        }

        boolean accept(String token) {
            if (!atEnd() && tokens.get(at).equalsIgnoreCase(token)) {
                at++;
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!accept(token)) {
                throw syntax("expected " + token + (atEnd() ? " at the end" : " before " + tokens.get(at)));
            }
        }

        String word() {
            if (atEnd()) {
                throw syntax("unexpected end");
            }
            return tokens.get(at++);
        }

        private RuntimeException syntax(String problem) {
            return InMemoryDynamo.validation("Invalid expression: " + problem + ": " + text);
        }

        Path path() {
            String first = word();
            if (first.startsWith(":") || !(first.startsWith("#") || Character.isLetter(first.charAt(0)))) {
                throw syntax("a path cannot start with " + first);
            }
            List<Object> parts = new ArrayList<>();
            parts.add(placeholders.name(first));
            while (true) {
                if (accept(".")) {
                    parts.add(placeholders.name(word()));
                } else if (accept("[")) {
                    parts.add(Integer.parseInt(word()));
                    expect("]");
                } else {
                    break;
                }
            }
            if (keyAttributes != null) {
                keyAttributes.add((String) parts.getFirst());
            }
            return new Path(List.copyOf(parts));
        }

        // condition := and (OR and)*
        Predicate<Map<String, AttributeValue>> condition() {
            Predicate<Map<String, AttributeValue>> left = and();
            while (accept("OR")) {
                usedOr = true;
                left = left.or(and());
            }
            return left;
        }

        private Predicate<Map<String, AttributeValue>> and() {
            Predicate<Map<String, AttributeValue>> left = not();
            while (accept("AND")) {
                left = left.and(not());
            }
            return left;
        }

        private Predicate<Map<String, AttributeValue>> not() {
            if (accept("NOT")) {
                return not().negate();
            }
            return comparisonOrFunction();
        }

        private Predicate<Map<String, AttributeValue>> comparisonOrFunction() {
            if (accept("(")) {
                Predicate<Map<String, AttributeValue>> inner = condition();
                expect(")");
                return inner;
            }
            String next = peek();
            boolean call = at + 1 < tokens.size() && tokens.get(at + 1).equals("(");
            if (call && !"size".equalsIgnoreCase(next)) {
                at += 2;
                Predicate<Map<String, AttributeValue>> function = switch (next) {
                    case "attribute_exists" -> {
                        Path path = path();
                        yield item -> path.in(item) != null;
                    }
                    case "attribute_not_exists" -> {
                        Path path = path();
                        yield item -> path.in(item) == null;
                    }
                    case "begins_with" -> {
                        Function<Map<String, AttributeValue>, AttributeValue> of = operand();
                        expect(",");
                        Function<Map<String, AttributeValue>, AttributeValue> prefix = operand();
                        yield item -> {
                            AttributeValue value = of.apply(item);
                            AttributeValue start = prefix.apply(item);
                            return value != null && start != null && value.s() != null && start.s() != null
                                    && value.s().startsWith(start.s());
                        };
                    }
                    case "contains" -> {
                        Function<Map<String, AttributeValue>, AttributeValue> of = operand();
                        expect(",");
                        Function<Map<String, AttributeValue>, AttributeValue> part = operand();
                        yield item -> contains(of.apply(item), part.apply(item));
                    }
                    default -> throw syntax("function " + next + " is not supported here");
                };
                expect(")");
                return function;
            }
            Function<Map<String, AttributeValue>, AttributeValue> left = operand();
            if (accept("BETWEEN")) {
                Function<Map<String, AttributeValue>, AttributeValue> low = operand();
                expect("AND");
                Function<Map<String, AttributeValue>, AttributeValue> high = operand();
                return item -> {
                    AttributeValue value = left.apply(item);
                    AttributeValue from = low.apply(item);
                    AttributeValue to = high.apply(item);
                    return DynamoValues.comparable(value, from) && DynamoValues.comparable(value, to)
                            && DynamoValues.compare(value, from) >= 0 && DynamoValues.compare(value, to) <= 0;
                };
            }
            if (accept("IN")) {
                expect("(");
                List<Function<Map<String, AttributeValue>, AttributeValue>> candidates = new ArrayList<>();
                do {
                    candidates.add(operand());
                } while (accept(","));
                expect(")");
                return item -> candidates.stream().anyMatch(c -> DynamoValues.equal(left.apply(item), c.apply(item)));
            }
            String comparator = word();
            Function<Map<String, AttributeValue>, AttributeValue> right = operand();
            return switch (comparator) {
                case "=" -> item -> DynamoValues.equal(left.apply(item), right.apply(item));
                case "<>" -> item -> !DynamoValues.equal(left.apply(item), right.apply(item));
                case "<", "<=", ">", ">=" -> item -> {
                    AttributeValue a = left.apply(item);
                    AttributeValue b = right.apply(item);
                    if (!DynamoValues.comparable(a, b)) {
                        return false;
                    }
                    int c = DynamoValues.compare(a, b);
                    return switch (comparator) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                };
                default -> throw syntax("expected a comparator, found " + comparator);
            };
        }

        private static boolean contains(AttributeValue of, AttributeValue part) {
            if (of == null || part == null) {
                return false;
            }
            if (of.s() != null) {
                return part.s() != null && of.s().contains(part.s());
            }
            if (of.hasSs()) {
                return part.s() != null && of.ss().contains(part.s());
            }
            if (of.hasL()) {
                return of.l().stream().anyMatch(v -> DynamoValues.equal(v, part));
            }
            return false;
        }

        // operand := size(path) | :value | path
        private Function<Map<String, AttributeValue>, AttributeValue> operand() {
            String next = peek();
            if (next == null) {
                throw syntax("unexpected end");
            }
            if (next.startsWith(":")) {
                at++;
                AttributeValue value = placeholders.value(next);
                return item -> value;
            }
            if ("size".equalsIgnoreCase(next) && at + 1 < tokens.size() && tokens.get(at + 1).equals("(")) {
                at += 2;
                Path path = path();
                expect(")");
                return item -> {
                    AttributeValue value = path.in(item);
                    return value == null ? null : DynamoValues.size(value);
                };
            }
            Path path = path();
            return path::in;
        }

        // setValue := term (('+' | '-') term)?
        Function<Map<String, AttributeValue>, AttributeValue> setValue() {
            Function<Map<String, AttributeValue>, AttributeValue> left = setTerm();
            if (peekWord("+") || peekWord("-")) {
                boolean plus = word().equals("+");
                Function<Map<String, AttributeValue>, AttributeValue> right = setTerm();
                return item -> {
                    AttributeValue a = left.apply(item);
                    AttributeValue b = right.apply(item);
                    if (a == null || b == null || a.n() == null || b.n() == null) {
                        throw InMemoryDynamo.validation("An operand in the update expression has an incorrect data type");
                    }
                    BigDecimal result = plus ? new BigDecimal(a.n()).add(new BigDecimal(b.n()))
                            : new BigDecimal(a.n()).subtract(new BigDecimal(b.n()));
                    return AttributeValue.fromN(result.toPlainString());
                };
            }
            return left;
        }

        private Function<Map<String, AttributeValue>, AttributeValue> setTerm() {
            String next = peek();
            boolean call = next != null && at + 1 < tokens.size() && tokens.get(at + 1).equals("(");
            if (call && "if_not_exists".equals(next)) {
                at += 2;
                Path path = path();
                expect(",");
                Function<Map<String, AttributeValue>, AttributeValue> otherwise = setValue();
                expect(")");
                return item -> {
                    AttributeValue value = path.in(item);
                    return value != null ? value : otherwise.apply(item);
                };
            }
            if (call && "list_append".equals(next)) {
                at += 2;
                Function<Map<String, AttributeValue>, AttributeValue> first = setValue();
                expect(",");
                Function<Map<String, AttributeValue>, AttributeValue> second = setValue();
                expect(")");
                return item -> {
                    AttributeValue a = first.apply(item);
                    AttributeValue b = second.apply(item);
                    if (a == null || b == null || !a.hasL() || !b.hasL()) {
                        throw InMemoryDynamo.validation("An operand in the update expression has an incorrect data type");
                    }
                    List<AttributeValue> all = new ArrayList<>(a.l());
                    all.addAll(b.l());
                    return AttributeValue.fromL(all);
                };
            }
            Function<Map<String, AttributeValue>, AttributeValue> operand = operand();
            return item -> {
                AttributeValue value = operand.apply(item);
                if (value == null) {
                    throw InMemoryDynamo.validation("The provided expression refers to an attribute that does not exist"
                            + " in the item");
                }
                return value;
            };
        }
    }
}
