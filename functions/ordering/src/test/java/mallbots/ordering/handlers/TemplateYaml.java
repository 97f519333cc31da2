package mallbots.ordering.handlers;

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
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml read as CloudFormation reads it: the short forms of the intrinsic functions
 * ({@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub ...}) become their long forms
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": "X.Arn"}}, ...).
 */
final class TemplateYaml extends SafeConstructor {

    static final Path TEMPLATE = Path.of("../../template.yaml");

    private TemplateYaml() {
        super(new LoaderOptions());
        for (String function : List.of("Ref", "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "Not",
                "And", "Or", "FindInMap", "GetAZs", "ImportValue", "Base64")) {
            String key = function.equals("Ref") ? "Ref" : "Fn::" + function;
            yamlConstructors.put(new Tag("!" + function), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return Map.of(key, value(node));
                }
            });
        }
    }

    private Object value(Node node) {
        return switch (node) {
            case ScalarNode scalar -> constructScalar(scalar);
            case SequenceNode sequence -> constructSequence(sequence);
            case MappingNode mapping -> constructMapping(mapping);
            default -> throw new IllegalArgumentException("unexpected node " + node);
        };
    }

    static String text() throws IOException {
        return Files.readString(TEMPLATE);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resources() throws IOException {
        Map<String, Object> template = new Yaml(new TemplateYaml()).load(text());
        return (Map<String, Object>) template.get("Resources");
    }
}
