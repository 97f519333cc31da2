package mallbots.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints what a load run measured: throughput, stage latencies, errors, CPU, and the cost report. */
public final class LoadReport {

    private final LoadDriver.Result result;
    private final PrintStream out;

    public LoadReport(LoadDriver.Result result, PrintStream out) {
        this.result = result;
        this.out = out;
    }

    /** A stage's latencies, in milliseconds: count and nearest-rank percentiles. */
    public record Stage(String name, List<Double> millis) {

        public double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    /** The stages of the orders that got there, from the order's recorded times and the client's request times. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        stage(stages, "checkout -> approved (order's approved time - checkout sent)",
                o -> OrderResult.millis(o.checkoutSent(), o.status("approved")));
        stage(stages, "order created -> approved (order's own times)",
                o -> OrderResult.millis(o.status("pending"), o.status("approved")));
        stage(stages, "checkout -> approved seen by the client",
                o -> OrderResult.millis(o.checkoutSent(), o.approvedSeen()));
        stage(stages, "list completed -> order ready (order's ready time - complete sent)",
                o -> OrderResult.millis(o.listCompleteSent(), o.status("ready")));
        stage(stages, "list completed -> invoice seen by the client",
                o -> OrderResult.millis(o.listCompleteSent(), o.invoiceSeen()));
        stage(stages, "paid -> completed (order's completed time - pay sent)",
                o -> OrderResult.millis(o.paySent(), o.status("completed")));
        stage(stages, "checkout -> completed (order's completed time - checkout sent)",
                o -> OrderResult.millis(o.checkoutSent(), o.status("completed")));
        return stages;
    }

    private void stage(List<Stage> stages, String name, Function<OrderResult, Double> measure) {
        List<Double> values = result.orders().stream().map(measure).filter(Objects::nonNull).toList();
        if (!values.isEmpty()) {
            stages.add(new Stage(name, values));
        }
    }

    /** Errors by kind, most frequent first. */
    public Map<String, Long> errors() {
        return result.orders().stream().filter(o -> o.errorKind() != null)
                .collect(Collectors.groupingBy(OrderResult::errorKind, TreeMap::new, Collectors.counting()));
    }

    /** Orders the per-order figures are divided by: completed ones with --to completed, else approved ones. */
    public long ordersCounted() {
        return result.options().toCompleted() ? result.completed() : result.approved();
    }

    public void print() {
        LoadOptions options = result.options();
        double seconds = result.wall().toNanos() / 1e9;
        out.printf(Locale.ROOT, "MallBots load: %d orders, %d concurrent customers, to %s, API %s (after %d warm-up orders; polling every %d ms)%n",
                options.orders(), options.concurrency(), options.toCompleted() ? "completed" : "approved",
                options.api(), options.warmup(), options.poll().toMillis());
        result.settled().ifPresent(usage -> out.println("batching windows (MaximumBatchingWindowInSeconds of the "
                + "running template): " + windows(usage.json().path("batchingWindowSeconds"))));
        out.printf(Locale.ROOT, "approved   %d of %d in %.2f s: %.1f approved orders/s%n", result.approved(),
                options.orders(), seconds, result.approved() / seconds);
        if (options.toCompleted()) {
            out.printf(Locale.ROOT, "completed  %d of %d: %.1f completed orders/s%n", result.completed(), options.orders(),
                    result.completed() / seconds);
        }
        Map<String, Long> errors = errors();
        out.println("errors     " + (errors.isEmpty() ? "none" : errors.entrySet().stream()
                .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining(", "))));
        result.orders().stream().filter(o -> o.error() != null).findFirst()
                .ifPresent(o -> out.println("           first: " + o.error()));
        int readErrors = result.orders().stream().mapToInt(OrderResult::readErrors).sum();
        if (readErrors > 0) {
            out.println("           and " + readErrors + " reads failed with an I/O error and were made again");
        }
        out.println();
        out.printf(Locale.ROOT, "%-66s %5s %8s %8s %8s %8s%n", "stage (ms)", "n", "p50", "p95", "p99", "max");
        for (Stage stage : stages()) {
            out.printf(Locale.ROOT, "%-66s %5d %8.0f %8.0f %8.0f %8.0f%n", stage.name(), stage.millis().size(),
                    stage.percentile(50), stage.percentile(95), stage.percentile(99), stage.percentile(100));
        }
        if (!result.processCpuAtEnd().isEmpty()) {
            printProcessCpu(result.processCpuAtStart(), result.processCpuAtEnd());
        }
        if (result.atStart().isEmpty() || result.atEnd().isEmpty() || result.settled().isEmpty()) {
            out.println();
            out.println("no usage counters at " + options.endpoint().map(Object::toString).orElse("(no endpoint)")
                    + Usage.PATH + ": CPU and cost not measured (they need the local cloud)");
            return;
        }
        printCpu(result.atStart().get(), result.atEnd().get(), result.settled().get());
        printCost(result.atStart().get(), result.settled().get());
    }

    /** --cpu-of: each process's CPU over the measured phase, from the operating system. */
    private void printProcessCpu(Map<String, Long> start, Map<String, Long> end) {
        long orders = ordersCounted();
        double phaseSeconds = result.wall().toMillis() / 1000.0;
        out.println();
        out.printf(Locale.ROOT, "CPU (ms) of --cpu-of processes        measured phase (%.1f s)  cores  per order%n", phaseSeconds);
        long total = 0;
        for (Map.Entry<String, Long> process : end.entrySet()) {
            long millis = process.getValue() - start.getOrDefault(process.getKey(), 0L);
            total += millis;
            out.printf(Locale.ROOT, "%-36s %22d %6.2f %10.1f%n", process.getKey(), millis, millis / 1000.0 / phaseSeconds,
                    orders == 0 ? 0 : (double) millis / orders);
        }
        out.printf(Locale.ROOT, "%-36s %22d %6.2f %10.1f%n", "total", total, total / 1000.0 / phaseSeconds,
                orders == 0 ? 0 : (double) total / orders);
    }

    private void printCpu(Usage start, Usage end, Usage settled) {
        double phaseSeconds = result.wall().toNanos() / 1e9;
        double toQuietSeconds = java.time.Duration.between(result.started(), result.settledAt()).toNanos() / 1e9;
        long orders = ordersCounted();
        out.println();
        out.printf(Locale.ROOT, "CPU (ms)                            measured phase (%.1f s)  cores   until quiet (%.1f s)  per order%n",
                phaseSeconds, toQuietSeconds);
        cpuLine("local cloud JVM", end.since(start, "/processes/localCloud/cpuMillis"),
                settled.since(start, "/processes/localCloud/cpuMillis"), phaseSeconds, orders);
        cpuLine("  of which the functions' threads", end.since(start, "/lambda/cpuMillis"),
                settled.since(start, "/lambda/cpuMillis"), phaseSeconds, orders);
        if (settled.has("/processes/dynalite")) {
            cpuLine("dynalite (Node.js)", end.since(start, "/processes/dynalite/cpuMillis"),
                    settled.since(start, "/processes/dynalite/cpuMillis"), phaseSeconds, orders);
        }
        cpuLine("total", end.since(start, "/processes/localCloud/cpuMillis") + end.since(start, "/processes/dynalite/cpuMillis"),
                settled.since(start, "/processes/localCloud/cpuMillis") + settled.since(start, "/processes/dynalite/cpuMillis"),
                phaseSeconds, orders);
        Map<String, Double> byFunction = settled.perFunctionSince(start, "cpuMillis");
        out.println("functions' CPU per order (ms): " + byFunction.entrySet().stream()
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / Math.max(1, orders)))
                .collect(Collectors.joining(", ")));
    }

    private void cpuLine(String name, double phaseMillis, double quietMillis, double phaseSeconds, long orders) {
        out.printf(Locale.ROOT, "%-36s %22.0f %6.2f %21.0f %10.1f%n", name, phaseMillis, phaseMillis / 1000 / phaseSeconds,
                quietMillis, quietMillis / Math.max(1, orders));
    }

    private void printCost(Usage start, Usage settled) {
        long orders = Math.max(1, ordersCounted());
        out.println();
        out.printf(Locale.ROOT, "AWS usage per %s order, counted by the local cloud until quiet, and $ per million orders (us-east-1)%n",
                result.options().toCompleted() ? "completed" : "approved");
        double events = settled.since(start, "/eventBridge/billedEvents") / orders;
        double sqs = settled.since(start, "/sqs/billedRequests") / orders;
        double invocations = settled.since(start, "/lambda/invocations") / orders;
        double gbSeconds = settled.since(start, "/lambda/gbSeconds") / orders;
        double reads = settled.since(start, "/dynamoDb/readRequestUnits") / orders;
        double writes = settled.since(start, "/dynamoDb/writeRequestUnits") / orders;
        double total = 0;
        total += costLine("EventBridge PutEvents entries (64 KB chunks)", events, Prices.EVENTBRIDGE_CUSTOM_EVENT);
        total += costLine("SQS requests (64 KB chunks)", sqs, Prices.SQS_STANDARD_REQUEST);
        total += costLine("Lambda invocations", invocations, Prices.LAMBDA_REQUEST);
        total += costLine("Lambda GB-seconds (arm64)", gbSeconds, Prices.LAMBDA_ARM64_GB_SECOND);
        total += costLine("DynamoDB read request units", reads, Prices.DYNAMODB_READ_REQUEST_UNIT);
        total += costLine("DynamoDB write request units", writes, Prices.DYNAMODB_WRITE_REQUEST_UNIT);
        out.printf(Locale.ROOT, "  %-46s %12s %14.2f%n", "total", "", total * 1e6);
        // The bench's reads while it waits are its own artefact (a customer would be told, not poll):
        // each is one API function invocation of that function's mean GB-s and one read of an item of
        // under 4 KB (1 RRU, strongly consistent).
        Map<String, Double> calls = settled.perFunctionSince(start, "invocations");
        Map<String, Double> gb = settled.perFunctionSince(start, "gbSeconds");
        double apiCalls = calls.entrySet().stream().filter(e -> e.getKey().endsWith("Api")).mapToDouble(Map.Entry::getValue).sum();
        double apiGbSeconds = gb.entrySet().stream().filter(e -> e.getKey().endsWith("Api")).mapToDouble(Map.Entry::getValue).sum();
        double polls = result.orders().stream().mapToInt(OrderResult::reads).sum() / (double) orders;
        double pollGbSeconds = apiCalls == 0 ? 0 : polls * apiGbSeconds / apiCalls;
        double withoutPolls = total - polls * (Prices.LAMBDA_REQUEST + Prices.DYNAMODB_READ_REQUEST_UNIT)
                - pollGbSeconds * Prices.LAMBDA_ARM64_GB_SECOND;
        out.printf(Locale.ROOT, "  %-46s %12s %14.2f%n", String.format(Locale.ROOT, "total without the bench's %.1f reads while waiting", polls), "",
                withoutPolls * 1e6);
        out.println("  SQS by action per order: " + perOrder(settled.json().path("sqs").path("byAction"),
                start.json().path("sqs").path("byAction"), orders) + String.format(Locale.ROOT, " (%.1f empty receives)",
                settled.since(start, "/sqs/emptyReceives") / orders));
        out.println("  DynamoDB by operation per order: " + perOrder(settled.json().path("dynamoDb").path("byOperation"),
                start.json().path("dynamoDb").path("byOperation"), orders));
        out.printf(Locale.ROOT, "  of the Lambda invocations, %.1f per order are the bench's HTTP API calls (*Api functions), "
                + "%.1f of them its reads while waiting (each also a DynamoDB read)%n", apiCalls / orders, polls);
        out.println("  invocations per order by function: " + calls.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / orders))
                .collect(Collectors.joining(", ")));
    }

    private double costLine(String name, double perOrder, double price) {
        out.printf(Locale.ROOT, "  %-46s %12.2f %14.2f%n", name, perOrder, perOrder * price * 1e6);
        return perOrder * price;
    }

    private static String perOrder(JsonNode now, JsonNode before, long orders) {
        List<String> parts = new ArrayList<>();
        now.properties().forEach(e -> {
            double grown = e.getValue().asDouble() - before.path(e.getKey()).asDouble(0);
            if (grown > 0) {
                parts.add(String.format(Locale.ROOT, "%s %.1f", e.getKey(), grown / orders));
            }
        });
        return String.join(", ", parts);
    }

    private static String windows(JsonNode windows) {
        TreeSet<Integer> values = new TreeSet<>();
        windows.properties().forEach(e -> values.add(e.getValue().asInt()));
        if (values.isEmpty()) {
            return "none";
        }
        return values.size() == 1 ? values.first() + " s on every queue mapping"
                : values.stream().map(v -> v + " s").collect(Collectors.joining(", ")) + " (they differ by mapping)";
    }
}
