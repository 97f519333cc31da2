package mallbots.bench.load;

/** {@code ./mallbots bench [flags]}: drives orders through the HTTP API and prints what it measured. */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            LoadDriver.Result result = new LoadDriver(options).run();
            new LoadReport(result, System.out).print();
            System.exit(result.approved() == 0 ? 1 : 0);
        } catch (Api.ApiFailure | IllegalStateException e) {
            System.err.println("bench: " + e.getMessage() + " (is the local cloud running? ./mallbots up)");
            System.exit(1);
        }
    }
}
