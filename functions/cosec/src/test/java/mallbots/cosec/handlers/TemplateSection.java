package mallbots.cosec.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml's resources for tests. A short-form intrinsic ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !Sub ...}) is read as a one-entry map from its tag without the "!" to its value, e.g.
 * {@code {"GetAtt": "CosecQueue.Arn"}}.
 */
final class TemplateSection {

    static final Path TEMPLATE = Path.of("../../template.yaml");

    private final Map<String, Object> resources;

    private TemplateSection(Map<String, Object> resources) {
        this.resources = resources;
    }

    static TemplateSection read() throws IOException {
        Map<String, Object> template = map(new Yaml(new IntrinsicsAsMaps()).load(Files.readString(TEMPLATE)));
        return new TemplateSection(map(template.get("Resources")));
    }

    Map<String, Object> resources() {
        return resources;
    }

    /** The Properties of a resource, which must exist. */
    Map<String, Object> properties(String logicalId) {
        assertThat(resources).containsKey(logicalId);
        return map(map(resources.get(logicalId)).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> getAtt(String attribute) {
        return Map.of("GetAtt", attribute);
    }

    /** Any local tag ("!Ref", "!GetAtt", ...) becomes {tag-without-"!": value}. */
    private static final class IntrinsicsAsMaps extends SafeConstructor {

        IntrinsicsAsMaps() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    Object value = switch (node) {
                        case ScalarNode scalar -> constructScalar(scalar);
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> throw new IllegalArgumentException("unexpected YAML node " + node);
                    };
                    return Map.of(name, value);
                }
            });
        }
    }
}
