package mallbots.baskets.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads template.yaml for tests, keeping the short-form intrinsics as their long form: {@code !Ref X}
 * is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is {@code {"Fn::GetAtt": "A.B"}}, and so on.
 */
final class CloudFormationYaml extends SafeConstructor {

    private CloudFormationYaml() {
        super(new LoaderOptions());
        intrinsic("Ref", "Ref");
        for (String function : new String[] {"GetAtt", "Sub", "Join", "Select", "If", "Equals", "FindInMap",
                "ImportValue", "Split", "GetAZs", "Base64"}) {
            intrinsic(function, "Fn::" + function);
        }
    }

    /** The template at the root of the repository (tests run in functions/baskets). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> template() throws IOException {
        return (Map<String, Object>) new Yaml(new CloudFormationYaml()).load(Files.readString(templatePath()));
    }

    static Path templatePath() {
        return Path.of("../../template.yaml");
    }

    private void intrinsic(String tag, String longName) {
        yamlConstructors.put(new Tag("!" + tag), new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected node " + node);
                };
                return Map.of(longName, value);
            }
        });
    }
}
