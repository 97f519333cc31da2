package mallbots.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM YAML file into plain maps and lists. The short tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) become their long forms
 * ({@code {Ref: x}}, {@code {Fn::GetAtt: [r, a]}}), so that the resolver sees one shape only.
 * Every {@code !Xxx} tag is turned into {@code Fn::Xxx}; the resolver decides which it supports.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    public static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new TemplateException("cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(Reader reader, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new Constructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new TemplateException("template " + name + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException("template " + name + " is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    private static final class Constructor extends SafeConstructor {

        Constructor(LoaderOptions options) {
            super(options);
            for (String function : List.of("GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "Not",
                    "And", "Or", "FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr", "Length", "ToJsonString")) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> shortGetAtt(constructScalar(scalar));
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new YAMLException("unexpected node for " + key);
                };
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(key, value);
                return longForm;
            }

            /** {@code !GetAtt Queue.Arn} is the list form {@code [Queue, Arn]}. */
            private Object shortGetAtt(String scalar) {
                if (key.equals("Fn::GetAtt")) {
                    int dot = scalar.indexOf('.');
                    if (dot < 0) {
                        throw new YAMLException("!GetAtt " + scalar + ": expected Resource.Attribute");
                    }
                    return List.of(scalar.substring(0, dot), scalar.substring(dot + 1));
                }
                return scalar;
            }
        }
    }
}
