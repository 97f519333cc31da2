package mallbots.local.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics the functions write in CloudWatch's embedded metric format (EMF), collected from
 * their log lines as CloudWatch Logs would: each line with an {@code _aws.CloudWatchMetrics}
 * directive adds one value to each metric it names, per set of dimension values. Served at
 * {@value #PATH}: per metric and dimensions the count, sum, min, max and the last
 * {@value #POINTS} values with their times.
 */
public final class MetricsStore {

    public static final String PATH = "/_mallbots/metrics";
    static final int POINTS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One metric with one set of dimension values. */
    public static final class Series {
        final String namespace;
        final String name;
        final String unit;
        final Map<String, String> dimensions;
        long count;
        double sum;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        final Deque<double[]> points = new ArrayDeque<>();

        Series(String namespace, String name, String unit, Map<String, String> dimensions) {
            this.namespace = namespace;
            this.name = name;
            this.unit = unit;
            this.dimensions = dimensions;
        }

        void add(long atMillis, double value) {
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            points.addLast(new double[] {atMillis, value});
            if (points.size() > POINTS) {
                points.removeFirst();
            }
        }

        public String name() {
            return name;
        }

        public Map<String, String> dimensions() {
            return dimensions;
        }

        public double sum() {
            return sum;
        }
    }

    private final Map<String, Series> series = new TreeMap<>();

    /** True when the line is an EMF document. */
    public static boolean isEmf(JsonNode line) {
        return line.path("_aws").path("CloudWatchMetrics").isArray();
    }

    /** Adds the values of an EMF line (other lines are ignored). */
    public void add(JsonNode line) {
        if (!isEmf(line)) {
            return;
        }
        long at = line.path("_aws").path("Timestamp").asLong(System.currentTimeMillis());
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            String namespace = directive.path("Namespace").asText();
            List<List<String>> dimensionSets = new ArrayList<>();
            for (JsonNode set : directive.path("Dimensions")) {
                List<String> names = new ArrayList<>();
                set.forEach(n -> names.add(n.asText()));
                dimensionSets.add(names);
            }
            if (dimensionSets.isEmpty()) {
                dimensionSets.add(List.of());
            }
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                JsonNode value = line.path(name);
                for (List<String> set : dimensionSets) {
                    Map<String, String> dimensions = new TreeMap<>();
                    set.forEach(d -> dimensions.put(d, line.path(d).asText()));
                    String key = namespace + "/" + name + dimensions;
                    synchronized (this) {
                        Series s = series.computeIfAbsent(key,
                                k -> new Series(namespace, name, metric.path("Unit").asText("None"), dimensions));
                        if (value.isArray()) {
                            value.forEach(v -> s.add(at, v.asDouble()));
                        } else if (value.isNumber()) {
                            s.add(at, value.asDouble());
                        }
                    }
                }
            }
        }
    }

    /** A count the local cloud itself observes (e.g. messages dead-lettered, from the flow). */
    public synchronized void count(String name, Map<String, String> dimensions, long atMillis) {
        Map<String, String> sorted = new TreeMap<>(dimensions);
        series.computeIfAbsent("local/" + name + sorted, k -> new Series("local", name, "Count", sorted))
                .add(atMillis, 1);
    }

    public synchronized List<Series> all() {
        return List.copyOf(series.values());
    }

    /** The sum of a metric over the series whose dimensions include {@code match}. */
    public synchronized double sum(String name, Map<String, String> match) {
        return series.values().stream().filter(s -> s.name.equals(name))
                .filter(s -> s.dimensions.entrySet().containsAll(match.entrySet()))
                .mapToDouble(s -> s.sum).sum();
    }

    /** The JSON answer of {@value #PATH} ({@code ?name=...} keeps one metric). */
    public String view(String rawQuery) {
        String only = Query.parse(rawQuery).get("name");
        ArrayNode metrics = JSON.createArrayNode();
        synchronized (this) {
            for (Series s : series.values()) {
                if (only != null && !only.equals(s.name)) {
                    continue;
                }
                ObjectNode metric = metrics.addObject();
                metric.put("namespace", s.namespace);
                metric.put("name", s.name);
                metric.put("unit", s.unit);
                ObjectNode dimensions = metric.putObject("dimensions");
                s.dimensions.forEach(dimensions::put);
                metric.put("count", s.count);
                metric.put("sum", s.sum);
                metric.put("min", s.min);
                metric.put("max", s.max);
                ArrayNode points = metric.putArray("points");
                s.points.forEach(p -> points.addArray().add((long) p[0]).add(p[1]));
            }
        }
        return JSON.createObjectNode().set("metrics", metrics).toString();
    }
}
