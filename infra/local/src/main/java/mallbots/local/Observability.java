package mallbots.local;

import java.nio.file.Path;
import mallbots.local.console.FlowConsole;
import mallbots.local.observe.FlowRecords;
import mallbots.local.observe.FunctionLogs;

/**
 * What the local cloud keeps so that one order can be followed: every line the functions log
 * ({@link FunctionLogs}, {@code logs.jsonl} in the state directory) and every handling of every
 * message ({@link FlowRecords}, {@code flow.jsonl}, read by {@code ./mallbots trace}), served
 * read-only under {@code /_mallbots/} of the embedded endpoint.
 */
public final class Observability implements AutoCloseable {

    private final FunctionLogs logs;
    private final FlowRecords flow;

    private Observability(FunctionLogs logs, FlowRecords flow) {
        this.logs = logs;
        this.flow = flow;
    }

    static Observability start(Path stateDir, FlowConsole console) {
        FunctionLogs logs = new FunctionLogs(stateDir.resolve("logs.jsonl"));
        FlowRecords flow = new FlowRecords(stateDir.resolve("flow.jsonl"));
        console.addLogListener(logs::add);
        console.addFlowListener(flow);
        return new Observability(logs, flow);
    }

    void serveOn(AwsServices services) {
        services.serve(FunctionLogs.PATH, logs::view);
        services.serve(FlowRecords.PATH, flow::traceView);
        services.serve(FlowRecords.RECENT_PATH, flow::recentView);
    }

    public FunctionLogs logs() {
        return logs;
    }

    public FlowRecords flow() {
        return flow;
    }

    @Override
    public void close() {
        logs.close();
        flow.close();
    }
}
