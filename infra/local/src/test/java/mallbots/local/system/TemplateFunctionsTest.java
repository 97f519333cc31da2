package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mallbots.local.lambda.FunctionCode;
import mallbots.local.template.Template;
import org.junit.jupiter.api.Test;

/**
 * What `sam build`, `sam deploy` and `sam local invoke` rely on, checked for every function of
 * template.yaml: its handler class exists and is a Lambda handler, its CodeUri is the jar the
 * build makes and that jar holds the handler, and its invoke event exists.
 */
class TemplateFunctionsTest {

    private static final Template TEMPLATE = RepositoryTemplate.read();

    @Test
    void every_context_module_has_its_functions_in_the_template() throws IOException {
        Set<String> contexts;
        try (Stream<Path> modules = Files.list(RepositoryTemplate.ROOT.resolve("functions"))) {
            contexts = modules.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> !Set.of("platform", "messages").contains(name))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> deployed = TEMPLATE.functions().stream()
                .map(function -> contextOf(function.codeUri()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(contexts).isNotEmpty();
        assertThat(deployed).containsAll(contexts);
    }

    @Test
    void every_handler_is_a_lambda_handler_class_of_its_own_jar() throws ClassNotFoundException {
        for (Template.Function function : TEMPLATE.functions()) {
            String className = function.handler().split("::")[0];
            // from the function's jar alone, as Lambda loads it: this module has no context on its classpath
            Class<?> handler = Class.forName(className, false, FunctionCode.of(function, RepositoryTemplate.ROOT).loader());
            assertThat(implementsNamed(handler, RequestHandler.class) || implementsNamed(handler, RequestStreamHandler.class))
                    .as("%s's handler %s implements a Lambda handler interface", function.logicalId(), className)
                    .isTrue();
            assertThat(hasPublicNoArgConstructor(handler)).as("%s can be constructed by Lambda", className).isTrue();
        }
    }

    @Test
    void every_code_uri_is_the_jar_the_build_makes_and_holds_the_handler() throws IOException {
        for (Template.Function function : TEMPLATE.functions()) {
            String context = contextOf(function.codeUri());
            assertThat(function.codeUri()).as(function.logicalId())
                    .isEqualTo("functions/" + context + "/target/" + context + ".jar");
            Path jar = RepositoryTemplate.ROOT.resolve(function.codeUri());
            assertThat(jar).as("%s's jar (built by mvn package)", function.logicalId()).isRegularFile();
            String entry = function.handler().split("::")[0].replace('.', '/') + ".class";
            try (JarFile contents = new JarFile(jar.toFile())) {
                assertThat(contents.getEntry(entry)).as("%s holds %s", jar, entry).isNotNull();
                assertThat(contents.getEntry("software/amazon/awssdk/http/apache/ApacheHttpClient.class"))
                        .as("%s has no Apache HTTP client", jar).isNull();
                assertThat(contents.getEntry("software/amazon/awssdk/http/nio/netty/NettyNioAsyncHttpClient.class"))
                        .as("%s has no Netty HTTP client", jar).isNull();
            }
        }
    }

    @Test
    void every_function_has_a_ready_invoke_event() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Template.Function> functions = TEMPLATE.functions();
        assertThat(functions).isNotEmpty();
        for (Template.Function function : functions) {
            Path event = RepositoryTemplate.invokeEvent(function);
            assertThat(event).as("invoke event of %s", function.logicalId()).isRegularFile();
            assertThat(json.readTree(event.toFile()).isObject()).isTrue();
        }
    }

    private static String contextOf(String codeUri) {
        String[] parts = codeUri.split("/");
        return parts.length > 1 && parts[0].equals("functions") ? parts[1] : codeUri;
    }

    private static boolean implementsNamed(Class<?> type, Class<?> lambdaInterface) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> implemented : current.getInterfaces()) {
                if (implemented.getName().equals(lambdaInterface.getName()) || implementsNamed(implemented, lambdaInterface)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        try {
            return java.lang.reflect.Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
