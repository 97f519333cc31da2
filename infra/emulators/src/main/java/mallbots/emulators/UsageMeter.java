package mallbots.emulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts, while the local cloud runs, the requests that AWS would bill a deployment of the
 * template for: PutEvents entries (per 64 KB chunk), SQS requests (per 64 KB chunk of payload),
 * Lambda invocations and their GB-seconds (memory × duration rounded up to the millisecond), and
 * DynamoDB read and write request units (as dynalite computes them). Also the CPU each function's
 * invocations used, and the CPU of the local processes. Served as JSON at
 * {@value #PATH} of the endpoint; readers diff two snapshots. Counters only grow.
 */
public final class UsageMeter {

    /** Where the endpoint serves {@link #snapshot()}. */
    public static final String PATH = "/_mallbots/usage";

    /** EventBridge, SQS: each 64 KB chunk of a payload is billed as one event or request. */
    static final int BILLING_CHUNK_BYTES = 64 * 1024;

    private final LongAdder putEventsCalls = new LongAdder();
    private final LongAdder putEventsEntries = new LongAdder();
    private final LongAdder putEventsChunks = new LongAdder();
    private final Map<String, LongAdder> sqsRequests = new ConcurrentHashMap<>();
    private final LongAdder sqsChunks = new LongAdder();
    private final LongAdder sqsEmptyReceives = new LongAdder();
    private final Map<String, LongAdder> dynamoRequests = new ConcurrentHashMap<>();
    private final DoubleAdder dynamoReadUnits = new DoubleAdder();
    private final DoubleAdder dynamoWriteUnits = new DoubleAdder();
    private final Map<String, FunctionUsage> functions = new ConcurrentHashMap<>();
    private volatile Supplier<Optional<ProcessHandle>> dynamoProcess = Optional::empty;
    private final Map<String, Integer> batchingWindows = new ConcurrentHashMap<>();

    /** One function's invocations. */
    private static final class FunctionUsage {
        final LongAdder invocations = new LongAdder();
        final LongAdder billedMillis = new LongAdder();
        final LongAdder megabyteMillis = new LongAdder();
        final LongAdder cpuNanos = new LongAdder();
    }

    /** One accepted or rejected PutEvents entry of {@code bytes} (Source, DetailType, Detail, Resources, Time). */
    public void putEventsEntry(long bytes) {
        putEventsEntries.increment();
        putEventsChunks.add(chunks(bytes));
    }

    public void putEventsCall() {
        putEventsCalls.increment();
    }

    /**
     * One SQS API call; its payload is the larger of what was sent and what came back.
     *
     * @param emptyReceive a ReceiveMessage that got no message (billed all the same)
     */
    public void sqsRequest(String action, long payloadBytes, boolean emptyReceive) {
        sqsRequests.computeIfAbsent(action, a -> new LongAdder()).increment();
        sqsChunks.add(chunks(payloadBytes));
        if (emptyReceive) {
            sqsEmptyReceives.increment();
        }
    }

    /** One DynamoDB call and the capacity units it consumed (read units for reads, write units for writes). */
    public void dynamoRequest(String operation, boolean write, double capacityUnits) {
        dynamoRequests.computeIfAbsent(operation, o -> new LongAdder()).increment();
        (write ? dynamoWriteUnits : dynamoReadUnits).add(capacityUnits);
    }

    /**
     * One invocation of a function of {@code memoryMb}: billed duration is the wall time rounded
     * up to the millisecond; cpu is the CPU time of the thread that ran the handler (-1: unknown).
     */
    public void invocation(String function, int memoryMb, Duration elapsed, long cpuNanos) {
        FunctionUsage usage = functions.computeIfAbsent(function, f -> new FunctionUsage());
        long billed = Math.max(1, (elapsed.toNanos() + 999_999) / 1_000_000);
        usage.invocations.increment();
        usage.billedMillis.add(billed);
        usage.megabyteMillis.add(billed * memoryMb);
        if (cpuNanos > 0) {
            usage.cpuNanos.add(cpuNanos);
        }
    }

    /** An event source mapping's MaximumBatchingWindowInSeconds, which the snapshot reports with the counts. */
    public void batchingWindow(String mapping, int seconds) {
        batchingWindows.put(mapping, seconds);
    }

    /** The DynamoDB process (dynalite), whose CPU time the snapshot reports. */
    public void dynamoProcess(Supplier<Optional<ProcessHandle>> process) {
        this.dynamoProcess = process;
    }

    /** Everything counted so far, and the CPU time of this JVM and of dynalite, as JSON. */
    public ObjectNode snapshot(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("timeMillis", System.currentTimeMillis());
        ObjectNode processes = root.putObject("processes");
        ObjectNode jvm = processes.putObject("localCloud");
        jvm.put("pid", ProcessHandle.current().pid());
        jvm.put("cpuMillis", jvmCpuNanos() / 1_000_000);
        dynamoProcess.get().ifPresent(process -> {
            ObjectNode node = processes.putObject("dynalite");
            node.put("pid", process.pid());
            node.put("cpuMillis", process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L));
        });
        ObjectNode windows = root.putObject("batchingWindowSeconds");
        new TreeMap<>(batchingWindows).forEach(windows::put);
        ObjectNode events = root.putObject("eventBridge");
        events.put("putEventsCalls", putEventsCalls.sum());
        events.put("entries", putEventsEntries.sum());
        events.put("billedEvents", putEventsChunks.sum());
        ObjectNode sqs = root.putObject("sqs");
        sqs.put("requests", sum(sqsRequests));
        sqs.put("billedRequests", sqsChunks.sum());
        sqs.put("emptyReceives", sqsEmptyReceives.sum());
        ObjectNode sqsActions = sqs.putObject("byAction");
        new TreeMap<>(sqsRequests).forEach((action, count) -> sqsActions.put(action, count.sum()));
        ObjectNode lambda = root.putObject("lambda");
        long invocations = 0;
        long megabyteMillis = 0;
        long cpuNanos = 0;
        ObjectNode byFunction = json.createObjectNode();
        for (Map.Entry<String, FunctionUsage> entry : new TreeMap<>(functions).entrySet()) {
            FunctionUsage usage = entry.getValue();
            ObjectNode node = byFunction.putObject(entry.getKey());
            node.put("invocations", usage.invocations.sum());
            node.put("billedMillis", usage.billedMillis.sum());
            node.put("gbSeconds", gbSeconds(usage.megabyteMillis.sum()));
            node.put("cpuMillis", usage.cpuNanos.sum() / 1e6);
            invocations += usage.invocations.sum();
            megabyteMillis += usage.megabyteMillis.sum();
            cpuNanos += usage.cpuNanos.sum();
        }
        lambda.put("invocations", invocations);
        lambda.put("gbSeconds", gbSeconds(megabyteMillis));
        lambda.put("cpuMillis", cpuNanos / 1e6);
        lambda.set("byFunction", byFunction);
        ObjectNode dynamo = root.putObject("dynamoDb");
        dynamo.put("requests", sum(dynamoRequests));
        dynamo.put("readRequestUnits", dynamoReadUnits.sum());
        dynamo.put("writeRequestUnits", dynamoWriteUnits.sum());
        ObjectNode dynamoOps = dynamo.putObject("byOperation");
        new TreeMap<>(dynamoRequests).forEach((operation, count) -> dynamoOps.put(operation, count.sum()));
        return root;
    }

    static long chunks(long bytes) {
        return Math.max(1, (bytes + BILLING_CHUNK_BYTES - 1) / BILLING_CHUNK_BYTES);
    }

    private static double gbSeconds(long megabyteMillis) {
        return megabyteMillis / 1024.0 / 1000.0;
    }

    private static long sum(Map<String, LongAdder> counters) {
        return counters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
