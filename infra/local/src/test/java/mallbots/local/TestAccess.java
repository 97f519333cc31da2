package mallbots.local;

import java.io.PrintStream;

/** Lets tests in other packages run a command of the command line in this JVM. */
public final class TestAccess {

    private TestAccess() {
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return LocalCloudCommand.run(System.nanoTime(), out, err, args);
    }
}
