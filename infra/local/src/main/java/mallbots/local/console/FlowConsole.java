package mallbots.local.console;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import mallbots.emulators.eventbridge.Delivery;
import mallbots.emulators.eventbridge.DeliveryListener;
import mallbots.local.observe.FlowListener;
import mallbots.local.observe.HandledMessage;
import mallbots.local.observe.LogLine;

/**
 * The local cloud's console: one line per step of a message's flow, with the time and the
 * outcome. Bus to rule to target (from the embedded EventBridge), queue to function (from the
 * event source mappings), HTTP request to function, and what functions log.
 *
 * <pre>
 * 08:01:02.123 bus    OrderPlaced from mallbots.ordering on mallbots -> rule DepotOrders -> queue depot-events: delivered (2 ms)
 * 08:01:02.140 queue  depot-events -> DepotEvents: 3 messages, ok (12 ms)
 * 08:01:02.200 http   GET /stores/s-1 -> StoresApi: 200 (8 ms)
 * </pre>
 */
public final class FlowConsole implements DeliveryListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final List<Consumer<LogLine>> logListeners = new CopyOnWriteArrayList<>();
    private final List<FlowListener> flowListeners = new CopyOnWriteArrayList<>();

    public FlowConsole(PrintStream out) {
        this.out = out;
    }

    /** A line without a timestamp (start-up summary). */
    public void info(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private void step(String kind, String text) {
        info(LocalTime.now().format(TIME) + " " + String.format("%-6s", kind) + " " + text);
    }

    @Override
    public void onDelivery(Delivery d) {
        String route = d.detailType() + " from " + d.source() + " on " + d.busName() + " -> rule " + d.ruleName()
                + " -> " + target(d.targetArn());
        String outcome = switch (d.result()) {
            case DELIVERED -> d.attempt() > 1 ? "delivered on attempt " + d.attempt() : "delivered";
            case RETRYING -> "attempt " + d.attempt() + " failed (" + d.error() + "), will retry";
            case DEAD_LETTERED -> "gave up after " + d.attempt() + " attempts (" + d.error() + "), sent to its dead-letter queue";
            case DROPPED -> "gave up after " + d.attempt() + " attempts (" + d.error() + "), dropped: the target has no dead-letter queue";
        };
        step("bus", route + ": " + outcome + " (" + millis(d.elapsed()) + ")");
    }

    @Override
    public void onUnmatched(String eventId, String busName, String source, String detailType) {
        step("bus", detailType + " from " + source + " on " + busName + ": matched no rule");
    }

    /** One batch an event source mapping handed to a function, and what came of it. */
    public void batch(String queue, String function, int size, String outcome, Duration elapsed) {
        step("queue", queue + " -> " + function + ": " + size + (size == 1 ? " message, " : " messages, ")
                + outcome + " (" + millis(elapsed) + ")");
    }

    /** Also tells {@code listener} of every message published and handled (e.g. to keep the flow for traces). */
    public void addFlowListener(FlowListener listener) {
        flowListeners.add(listener);
    }

    /** One message of a batch, and what came of it (not printed: {@link #batch} says it in one line). */
    public void handled(HandledMessage message) {
        flowListeners.forEach(listener -> listener.handled(message));
    }

    /** An event the bus accepted (not printed: the deliveries say where it went). */
    @Override
    public void onAccepted(String eventJson, Instant acceptedAt, int targets) {
        flowListeners.forEach(listener -> listener.published(eventJson, acceptedAt.toEpochMilli(), targets));
    }

    /** An invocation by a rule or a schedule. */
    public void invocation(String function, String trigger, String outcome, Duration elapsed) {
        step("lambda", trigger + " -> " + function + ": " + outcome + " (" + millis(elapsed) + ")");
    }

    public void http(String method, String path, String function, int status, Duration elapsed) {
        step("http", method + " " + path + " -> " + (function == null ? "no route" : function) + ": " + status
                + " (" + millis(elapsed) + ")");
    }

    /** Also tells {@code listener} of every line a function logs (e.g. to keep them queryable). */
    public void addLogListener(Consumer<LogLine> listener) {
        logListeners.add(listener);
    }

    /**
     * A line a function logged (through its context's LambdaLogger, stdout or stderr): the
     * functions' JSON lines are shown as level, message and the short ids of their flow.
     */
    public void functionLog(String function, String line) {
        LogLine log = LogLine.of(function, line, System.currentTimeMillis());
        step("log", function + ": " + log.readable());
        logListeners.forEach(listener -> listener.accept(log));
    }

    public void warn(String text) {
        step("warn", text);
    }

    private static String target(String arn) {
        String[] parts = arn.split(":");
        if (parts.length >= 7 && parts[2].equals("lambda")) {
            return "function " + parts[6];
        }
        if (parts.length >= 6 && parts[2].equals("sqs")) {
            return "queue " + parts[5];
        }
        return arn;
    }

    private static String millis(Duration elapsed) {
        return elapsed == null ? "?" : elapsed.toMillis() + " ms";
    }
}
