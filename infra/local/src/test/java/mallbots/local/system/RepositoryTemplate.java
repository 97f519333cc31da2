package mallbots.local.system;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;

/** The repository's own template.yaml and the files it names, as the tests of this package see them. */
final class RepositoryTemplate {

    /** The repository root: tests run in infra/local. */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path TEMPLATE = ROOT.resolve("template.yaml");

    private RepositoryTemplate() {
    }

    static Template read() {
        return TemplateReader.read(TEMPLATE, Map.of(), new TemplateReader.Site("us-east-1",
                URI.create("http://127.0.0.1:4566"), URI.create("http://127.0.0.1:3000")));
    }

    /** The ready `sam local invoke` event of a function. */
    static Path invokeEvent(Template.Function function) {
        return ROOT.resolve("events-schema/invoke/" + function.logicalId() + ".json");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
