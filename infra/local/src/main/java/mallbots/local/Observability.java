package mallbots.local;

import java.nio.file.Path;
import mallbots.local.console.FlowConsole;
import java.util.Map;
import java.util.function.Function;
import mallbots.local.observe.FlowListener;
import mallbots.local.observe.FlowRecords;
import mallbots.local.observe.FunctionLogs;
import mallbots.local.observe.HandledMessage;
import mallbots.local.observe.MetricsStore;

/**
 * What the local cloud keeps so that one order can be followed: every line the functions log
 * ({@link FunctionLogs}, {@code logs.jsonl} in the state directory) and every handling of every
 * message ({@link FlowRecords}, {@code flow.jsonl}, read by {@code ./mallbots trace}), served
 * read-only under {@code /_mallbots/} of the embedded endpoint.
 */
public final class Observability implements AutoCloseable {

    private final FunctionLogs logs;
    private final FlowRecords flow;
    private final MetricsStore metrics;

    private Observability(FunctionLogs logs, FlowRecords flow, MetricsStore metrics) {
        this.logs = logs;
        this.flow = flow;
        this.metrics = metrics;
    }

    static Observability start(Path stateDir, FlowConsole console) {
        FunctionLogs logs = new FunctionLogs(stateDir.resolve("logs.jsonl"));
        FlowRecords flow = new FlowRecords(stateDir.resolve("flow.jsonl"));
        MetricsStore metrics = new MetricsStore();
        console.addLogListener(logs::add);
        console.addLogListener(line -> metrics.add(line.json()));
        console.addFlowListener(flow);
        console.addFlowListener(new FlowListener() {
            @Override
            public void published(String eventJson, long acceptedAtMillis, int targets) {
            }

            @Override
            public void handled(HandledMessage message) {
                // the functions cannot tell locally (their queue's redrive limit is not in their process environment)
                if (message.outcome().equals("dead-lettered")) {
                    metrics.count("MessagesDeadLettered", Map.of("queue", message.queue()), message.atMillis());
                }
            }
        });
        return new Observability(logs, flow, metrics);
    }

    /** The read-only JSON views, by path: served by the embedded endpoint and by the web console. */
    public Map<String, Function<String, String>> views() {
        return Map.of(FunctionLogs.PATH, logs::view, FlowRecords.PATH, flow::traceView,
                FlowRecords.RECENT_PATH, flow::recentView, MetricsStore.PATH, metrics::view);
    }

    void serveOn(AwsServices services) {
        views().forEach(services::serve);
    }

    public FunctionLogs logs() {
        return logs;
    }

    public FlowRecords flow() {
        return flow;
    }

    public MetricsStore metrics() {
        return metrics;
    }

    @Override
    public void close() {
        logs.close();
        flow.close();
    }
}
