package mallbots.bench.faults;

import java.nio.file.Path;

/** {@code ./mallbots faults [flags]}: the fault suite at full size; exits 1 if a check failed. */
public final class FaultsCommand {

    private FaultsCommand() {
    }

    public static void main(String[] args) throws Exception {
        FaultSuiteOptions options;
        try {
            options = FaultSuiteOptions.parse(Path.of("").toAbsolutePath(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("fault suite: the local cloud's console goes to " + options.workDir().resolve("console.log"));
        FaultReport report = new FaultSuite(options).run();
        report.print(System.out);
        System.exit(report.passed() ? 0 : 1);
    }
}
