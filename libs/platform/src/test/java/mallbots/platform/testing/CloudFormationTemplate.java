package mallbots.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as plain maps and lists, for a context's tests that hold its section to its code.
 * A short-form intrinsic is read as its long form: {@code !Ref X} is {@code {"Ref": "X"}},
 * {@code !GetAtt A.B} is {@code {"Fn::GetAtt": "A.B"}}, {@code !Sub s} is {@code {"Fn::Sub": "s"}}.
 * Needs snakeyaml on the test classpath (a test dependency of the module that uses it).
 */
public final class CloudFormationTemplate {

    /** A resource's line: two spaces, its logical id, a colon. */
    private static final Pattern RESOURCE_LINE = Pattern.compile("(?m)^  ([A-Za-z0-9]+):$");

    private final Path path;
    private final Map<String, Object> template;

    private CloudFormationTemplate(Path path, Map<String, Object> template) {
        this.path = path;
        this.template = template;
    }

    /** The repository's template, from a module two levels down (functions/&lt;context&gt;). */
    public static CloudFormationTemplate load() {
        return load(Path.of("../../template.yaml"));
    }

    public static CloudFormationTemplate load(Path path) {
        try {
            Map<String, Object> read = new Yaml(new Intrinsics()).load(Files.readString(path));
            return new CloudFormationTemplate(path, read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    /** The template's {@code Parameters}, by name. */
    public Map<String, Object> parameters() {
        return map(template.get("Parameters"));
    }

    /** The {@code Properties} of a resource. */
    public Map<String, Object> properties(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return map(map(resource).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, was " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        if (!(value instanceof List<?>)) {
            throw new AssertionError("expected a sequence, was " + value);
        }
        return (List<Object>) value;
    }

    /**
     * The logical ids declared between a context's banner ({@code # ===... <context>}) and its
     * {@code # (end of <context>)} line, in the order they stand in the file.
     */
    public List<String> sectionResourceIds(String context) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        int start = text.indexOf("# ================================================================ " + context);
        int end = text.indexOf("# (end of " + context + ")");
        if (start < 0 || end <= start) {
            throw new AssertionError("template.yaml has no section " + context + " (banner then end line)");
        }
        Matcher resource = RESOURCE_LINE.matcher(text.substring(start, end));
        List<String> ids = new ArrayList<>();
        while (resource.find()) {
            ids.add(resource.group(1));
        }
        return ids;
    }

    /**
     * The "source detail-type" pairs that these rules put on a queue, each pair routed once. Each
     * rule is on the custom bus, matches on source and detail-type only, and has one target: the
     * queue, with a retry policy and the dead-letter queue for failed deliveries.
     */
    public java.util.Set<String> routedToQueue(List<String> ruleIds, String queueId, String deadLetterQueueId) {
        java.util.Set<String> routed = new java.util.HashSet<>();
        for (String id : ruleIds) {
            Map<String, Object> rule = properties(id);
            assertThat(rule.get("EventBusName")).as(id).isEqualTo(ref("EventBus"));
            Map<String, Object> pattern = map(rule.get("EventPattern"));
            assertThat(pattern.keySet()).as(id).containsExactlyInAnyOrder("source", "detail-type");
            for (Object source : list(pattern.get("source"))) {
                for (Object detailType : list(pattern.get("detail-type"))) {
                    assertThat(routed.add(source + " " + detailType)).as("%s routed once", detailType).isTrue();
                }
            }
            List<Object> targets = list(rule.get("Targets"));
            assertThat(targets).as(id).hasSize(1);
            Map<String, Object> target = map(targets.getFirst());
            assertThat(target.get("Arn")).as(id).isEqualTo(getAtt(queueId + ".Arn"));
            assertThat(map(target.get("RetryPolicy"))).as(id)
                    .containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
            assertThat(map(target.get("DeadLetterConfig")).get("Arn")).as(id)
                    .isEqualTo(getAtt(deadLetterQueueId + ".Arn"));
        }
        return routed;
    }

    /** A KeySchema list as "attribute KEYTYPE" strings, in order, to compare with a described table. */
    public static List<String> keySchema(Object schema) {
        return list(schema).stream().map(CloudFormationTemplate::map)
                .map(key -> key.get("AttributeName") + " " + key.get("KeyType")).toList();
    }

    /** {@code !Ref logicalId} as this reader gives it. */
    public static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    /** {@code !GetAtt attribute} as this reader gives it. */
    public static Map<String, Object> getAtt(String attribute) {
        return Map.of("Fn::GetAtt", attribute);
    }

    /** Every {@code !Name} tag as {@code {"Fn::Name": value}}, except {@code !Ref} and {@code !Condition}. */
    private static final class Intrinsics extends SafeConstructor {

        Intrinsics() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                    Object value = switch (node) {
                        case ScalarNode scalar -> constructScalar(scalar);
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> throw new IllegalArgumentException("unexpected node " + node);
                    };
                    return Map.of(key, value);
                }
            });
        }
    }
}
