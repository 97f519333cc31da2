package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mallbots.emulators.UsageMeter;
import mallbots.local.LocalCloud;
import mallbots.local.console.FlowConsole;
import mallbots.local.lambda.FunctionHost;
import mallbots.local.lambda.HostException;
import mallbots.local.lambda.HostedFunction;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each function of the running system comes from its own CodeUri jar in a class loader of its
 * own, as isolated as on Lambda: it sees the JDK and its jar, not the local cloud's classes, not
 * another function's, and two functions built from one jar share no class and so no static state.
 */
class FunctionIsolationTest {

    @Test
    void functions_of_one_jar_have_class_loaders_of_their_own_over_that_jar() throws Exception {
        LocalCloud cloud = SystemCloud.shared().local();
        HostedFunction api = cloud.host().function(name(cloud, "CustomersApi"));
        HostedFunction events = cloud.host().function(name(cloud, "CustomersEvents"));

        ClassLoader apiLoader = api.code().loader();
        ClassLoader eventsLoader = events.code().loader();
        assertThat(apiLoader).isNotSameAs(eventsLoader).isNotSameAs(FunctionIsolationTest.class.getClassLoader());
        assertThat(apiLoader.getParent()).isSameAs(ClassLoader.getPlatformClassLoader());
        assertThat(api.code().location()).endsWith("functions/customers/target/customers.jar");
        // the same class of the kernel, twice: no static state is shared between the two functions
        String kernelClass = "mallbots.platform.config.Environment";
        assertThat(Class.forName(kernelClass, false, apiLoader)).isNotSameAs(Class.forName(kernelClass, false, eventsLoader));
    }

    @Test
    void a_function_sees_neither_the_local_cloud_nor_another_context() {
        LocalCloud cloud = SystemCloud.shared().local();
        ClassLoader customers = cloud.host().function(name(cloud, "CustomersApi")).code().loader();

        assertThatThrownBy(() -> Class.forName(LocalCloud.class.getName(), false, customers))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("mallbots.stores.handlers.StoresApi", false, customers))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void a_handler_class_missing_from_its_jar_stops_the_start_naming_the_function(@TempDir Path dir) throws Exception {
        Path jar = RepositoryTemplate.ROOT.resolve("functions/customers/target/customers.jar");
        URI local = URI.create("http://127.0.0.1:1");
        FlowConsole quiet = new FlowConsole(new PrintStream(new ByteArrayOutputStream()));
        // a class the local cloud has on its own classpath, but the function's jar does not
        Template lost = oneFunction(dir, "Lost", jar.toString(), LocalCloud.class.getName());
        Template missing = oneFunction(dir, "Missing", "nothing/here.jar", "mallbots.customers.handlers.CustomersApi");

        assertThatThrownBy(() -> FunctionHost.load(lost, dir, local, quiet, new UsageMeter()))
                .isInstanceOf(HostException.class)
                .hasMessageContaining("function Lost: handler class " + LocalCloud.class.getName() + " is not in " + jar);
        assertThatThrownBy(() -> FunctionHost.load(missing, dir, local, quiet, new UsageMeter()))
                .isInstanceOf(HostException.class)
                .hasMessageContaining("function Missing: its CodeUri " + dir.resolve("nothing/here.jar") + " does not exist");
    }

    private static Template oneFunction(Path dir, String name, String codeUri, String handler) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  %s:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: %s
                      Runtime: java25
                      CodeUri: %s
                      Handler: %s
                """.formatted(name, name, codeUri, handler));
        URI local = URI.create("http://127.0.0.1:1");
        return TemplateReader.read(file, Map.of(), new TemplateReader.Site("us-east-1", local, local));
    }

    private static String name(LocalCloud cloud, String logicalId) {
        return cloud.template().functions().stream().filter(f -> f.logicalId().equals(logicalId))
                .map(Template.Function::name).findFirst().orElseThrow();
    }
}
