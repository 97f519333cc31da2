package mallbots.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mallbots.local.template.CloudFormationYaml;

/** Writes a template snippet to a file and reads it as the local cloud does. */
final class TemplateFixtures {

    private TemplateFixtures() {
    }

    static Map<String, Object> parse(String yaml) {
        try {
            Path file = Files.createTempFile("template", ".yaml");
            Files.writeString(file, yaml);
            try {
                return CloudFormationYaml.read(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
