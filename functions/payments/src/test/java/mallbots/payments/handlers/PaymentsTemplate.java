package mallbots.payments.handlers;

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
 * template.yaml as plain maps and lists for the tests: every short-form intrinsic ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}) is read as its long form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": "A.B"}}, ...), whatever its name.
 */
final class PaymentsTemplate {

    static final Path PATH = Path.of("../../template.yaml");

    private PaymentsTemplate() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resources() throws IOException {
        Map<String, Object> template = (Map<String, Object>) new Yaml(new Intrinsics()).load(Files.readString(PATH));
        return (Map<String, Object>) template.get("Resources");
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

    /** One constructor for every tag that starts with "!": CloudFormation's short forms. */
    private static final class Intrinsics extends SafeConstructor {

        Intrinsics() {
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
                    return Map.of(name.equals("Ref") ? "Ref" : "Fn::" + name, value);
                }
            });
        }
    }
}
