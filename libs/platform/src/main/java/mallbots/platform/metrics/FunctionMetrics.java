package mallbots.platform.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import mallbots.platform.logging.LogContext;
import org.apache.logging.log4j.ThreadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The functions' metrics, written with Powertools for AWS Lambda (Java) v2 in CloudWatch's
 * embedded metric format: one JSON line on standard output per metric, which CloudWatch Logs
 * turns into a metric of namespace {@code POWERTOOLS_METRICS_NAMESPACE} ({@value #DEFAULT_NAMESPACE}
 * by default) with the dimension {@code service} (the function) plus the metric's own.
 *
 * <p>Each metric is flushed on its own ({@code Metrics.flushMetrics}, a separate metrics context),
 * so that concurrent invocations in one JVM (the local cloud) never mix their metrics, and the
 * function's name is the one its invocation put in the log context. A metric that cannot be
 * written is logged and never fails the handler.
 */
public final class FunctionMetrics {

    public static final String DEFAULT_NAMESPACE = "MallBots";
    private static final Logger log = LoggerFactory.getLogger(FunctionMetrics.class);

    private FunctionMetrics() {
    }

    /** Adds 1 to {@code name} with these dimensions (name, value pairs). */
    public static void count(String name, String... dimensions) {
        emit(name, 1, MetricUnit.COUNT, dimensions);
    }

    /** A duration in milliseconds. */
    public static void millis(String name, long millis, String... dimensions) {
        emit(name, millis, MetricUnit.MILLISECONDS, dimensions);
    }

    private static void emit(String name, double value, MetricUnit unit, String... dimensions) {
        try {
            Map<String, String> own = new LinkedHashMap<>();
            own.put("service", service());
            for (int i = 0; i + 1 < dimensions.length; i += 2) {
                own.put(dimensions[i], dimensionValue(dimensions[i + 1]));
            }
            MetricsFactory.getMetricsInstance().flushMetrics(metrics -> {
                metrics.setNamespace(namespace());
                // one dimension set, the function's name and the metric's own (Powertools would make the
                // default dimensions a set of their own, so the metric would be counted apart per function)
                metrics.clearDefaultDimensions();
                metrics.addDimension(DimensionSet.of(own));
                metrics.addMetric(name, value, unit);
            });
        } catch (RuntimeException | LinkageError e) {
            log.warn("metric {} not written: {}", name, e.toString());
        }
    }

    private static String namespace() {
        String namespace = System.getenv("POWERTOOLS_METRICS_NAMESPACE");
        return namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }

    private static String service() {
        String function = ThreadContext.get(LogContext.FUNCTION);
        if (function == null) {
            function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        }
        return function == null ? "unknown" : function;
    }

    /** CloudWatch takes no whitespace in a dimension value: "customer is disabled" becomes "customer_is_disabled". */
    static String dimensionValue(String value) {
        if (value == null || value.isBlank()) {
            return "none";
        }
        String text = value.strip().replaceAll("\\s+", "_");
        return text.length() > 250 ? text.substring(0, 250) : text;
    }

    /** "2xx", "4xx", "5xx" of an HTTP status. */
    public static String statusClass(int status) {
        return (status / 100) + "xx";
    }
}
