package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * AWS's own linter on template.yaml, informational checks included ({@code cfn-lint -c I
 * --non-zero-exit-code informational}): no finding at all. Runs where cfn-lint is on the PATH
 * (or named by {@code -Dmallbots.cfnLint=PATH}); elsewhere it is skipped, saying so.
 */
class CfnLintTest {

    @Test
    void template_passes_cfn_lint_with_informational_checks() throws IOException, InterruptedException {
        Optional<Path> cfnLint = cfnLint();
        if (cfnLint.isEmpty()) {
            System.out.println("CfnLintTest: cfn-lint is not on the PATH: skipped (pip install cfn-lint to run it)");
        }
        assumeTrue(cfnLint.isPresent(), "cfn-lint is not on the PATH");
        Process lint = new ProcessBuilder(cfnLint.get().toString(), "-c", "I", "--non-zero-exit-code", "informational",
                RepositoryTemplate.TEMPLATE.toString()).redirectErrorStream(true).start();
        String findings = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("cfn-lint finished").isTrue();

        System.out.println("CfnLintTest: " + cfnLint.get() + " -c I on template.yaml: exit " + lint.exitValue());
        assertThat(findings).as("cfn-lint findings").isBlank();
        assertThat(lint.exitValue()).isZero();
    }

    private static Optional<Path> cfnLint() {
        String configured = System.getProperty("mallbots.cfnLint");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "cfn-lint"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
