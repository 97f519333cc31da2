package mallbots.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import mallbots.local.observe.FlowRecords;
import mallbots.local.observe.Trace;

/**
 * {@code ./mallbots trace <orderId | correlationId | messageId> [--json]}: the timeline of one
 * order from the flow records the local cloud appends to {@code flow.jsonl} in its state
 * directory, so it works while the system runs and after it stopped.
 */
final class TraceCommand {

    private TraceCommand() {
    }

    static int run(Options options, PrintStream out, PrintStream err) {
        List<String> command = options.command();
        boolean json = command.contains("--json");
        List<String> ids = command.stream().skip(1).filter(arg -> !arg.equals("--json")).toList();
        if (ids.size() != 1) {
            err.println(Options.USAGE);
            return 2;
        }
        Path file = options.stateDir().resolve("flow.jsonl");
        Trace trace = Trace.of(ids.get(0), FlowRecords.read(file));
        if (json) {
            out.println(trace.toJson().toPrettyString());
        } else {
            trace.toLines().forEach(out::println);
        }
        if (trace.isEmpty()) {
            err.println("(read " + file + ": is this the state directory of the local cloud that ran it? --state-dir)");
            return 1;
        }
        return 0;
    }
}
