package mallbots.local.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole flow of one order (or of one correlation id) from the flow records: every flow
 * (correlation) that has a message about it, each message of those flows in the order it
 * occurred, and each handling of it (function, when, how long, outcome, receive count).
 */
public record Trace(String id, List<String> correlationIds, List<Step> messages) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** A message of the flow and every time a function handled it. */
    public record Step(String messageId, String detailType, String source, long occurredAtMillis,
            String correlationId, String causationId, String aggregateId, String sagaId, String traceHeader,
            Long publishedAtMillis, int targets, List<JsonNode> handlings) {

        public boolean failedOnce() {
            return handlings.stream().anyMatch(h -> !h.path("outcome").asText().equals("ok"));
        }
    }

    /** The trace of {@code id}: an order's id (or a basket's, list's, invoice's, saga's), a correlation or a message id. */
    public static Trace of(String id, List<? extends JsonNode> records) {
        Set<String> correlations = new LinkedHashSet<>();
        for (JsonNode record : records) {
            if (about(record, id)) {
                correlations.add(record.path("correlationId").asText());
            }
        }
        Map<String, List<JsonNode>> byMessage = new LinkedHashMap<>();
        for (JsonNode record : records) {
            if (correlations.contains(record.path("correlationId").asText()) && record.hasNonNull("messageId")) {
                byMessage.computeIfAbsent(record.get("messageId").asText(), k -> new ArrayList<>()).add(record);
            }
        }
        List<Step> steps = new ArrayList<>();
        byMessage.forEach((messageId, ofMessage) -> {
            ofMessage.sort(Comparator.comparingLong(h -> h.path("at").asLong()));
            JsonNode first = ofMessage.get(0);
            JsonNode published = ofMessage.stream().filter(r -> r.path("kind").asText().equals("published"))
                    .findFirst().orElse(null);
            List<JsonNode> handlings = ofMessage.stream().filter(r -> r.path("kind").asText().equals("handled")).toList();
            long occurred = millis(first.path("occurredAt").asText(null), first.path("at").asLong());
            steps.add(new Step(messageId, first.path("detailType").asText(), first.path("source").asText(),
                    occurred, first.path("correlationId").asText(), first.path("causationId").asText(),
                    first.path("aggregateId").asText(null), first.path("sagaId").asText(null),
                    first.path("traceHeader").asText(null),
                    published == null ? null : published.path("at").asLong(),
                    published == null ? -1 : published.path("targets").asInt(), handlings));
        });
        steps.sort(Comparator.comparingLong(Step::occurredAtMillis).thenComparing(Step::detailType));
        // flows in the order their first message occurred
        List<String> flows = new ArrayList<>(new LinkedHashSet<>(steps.stream().map(Step::correlationId).toList()));
        return new Trace(id, flows, steps);
    }

    private static boolean about(JsonNode record, String id) {
        if (id.isBlank()) {
            return false;
        }
        if (id.equals(record.path("messageId").asText()) || id.equals(record.path("correlationId").asText())
                || (id.startsWith("1-") && record.path("traceHeader").asText().startsWith("Root=" + id))) {
            return true;
        }
        for (JsonNode subject : record.path("subjects")) {
            if (id.equals(subject.asText())) {
                return true;
            }
        }
        return false;
    }

    private static long millis(String instant, long fallback) {
        if (instant == null) {
            return fallback;
        }
        try {
            return Instant.parse(instant).toEpochMilli();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public ObjectNode toJson() {
        ObjectNode trace = JSON.createObjectNode();
        trace.put("id", id);
        ArrayNode flows = trace.putArray("correlationIds");
        correlationIds.forEach(flows::add);
        ArrayNode messageArray = trace.putArray("messages");
        for (Step step : messages) {
            ObjectNode message = messageArray.addObject();
            message.put("messageId", step.messageId());
            message.put("detailType", step.detailType());
            message.put("source", step.source());
            message.put("occurredAt", step.occurredAtMillis());
            message.put("correlationId", step.correlationId());
            message.put("causationId", step.causationId());
            if (step.aggregateId() != null) {
                message.put("aggregateId", step.aggregateId());
            }
            if (step.sagaId() != null) {
                message.put("sagaId", step.sagaId());
            }
            if (step.traceHeader() != null) {
                message.put("traceHeader", step.traceHeader());
            }
            if (step.publishedAtMillis() != null) {
                message.put("publishedAt", step.publishedAtMillis());
                message.put("targets", step.targets());
            }
            ArrayNode handlings = message.putArray("handlings");
            for (JsonNode handling : step.handlings()) {
                ObjectNode h = handlings.addObject();
                for (String field : List.of("function", "queue", "at", "ms", "outcome", "receiveCount", "batchSize",
                        "reason", "requestId", "deadLetterQueue")) {
                    if (handling.hasNonNull(field)) {
                        h.set(field, handling.get(field));
                    }
                }
            }
        }
        return trace;
    }

    /** The timeline as {@code ./mallbots trace} prints it. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        if (messages.isEmpty()) {
            lines.add("no message about " + id + " was handled (yet)");
            return lines;
        }
        long start = messages.get(0).occurredAtMillis();
        long end = start;
        int handlings = 0;
        int failed = 0;
        for (Step step : messages) {
            for (JsonNode h : step.handlings()) {
                handlings++;
                end = Math.max(end, h.path("at").asLong() + h.path("ms").asLong());
                if (!h.path("outcome").asText().equals("ok")) {
                    failed++;
                }
            }
        }
        lines.add("trace of " + id + ": " + correlationIds.size() + (correlationIds.size() == 1 ? " flow, " : " flows, ")
                + messages.size() + " messages, " + handlings + " handlings" + (failed > 0 ? ", " + failed + " failed" : "")
                + ", " + TIME.format(Instant.ofEpochMilli(start)) + " to " + TIME.format(Instant.ofEpochMilli(end))
                + " (" + (end - start) + " ms)");
        String flow = null;
        for (Step step : messages) {
            if (!step.correlationId().equals(flow)) {
                flow = step.correlationId();
                lines.add("");
                lines.add("flow " + flow + (step.traceHeader() != null ? "  " + step.traceHeader() : ""));
            }
            lines.add(String.format("  %+7d ms  %s  %-28s from %-22s msg %s%s", step.occurredAtMillis() - start,
                    TIME.format(Instant.ofEpochMilli(step.occurredAtMillis())), step.detailType(), step.source(),
                    shortId(step.messageId()), step.causationId().equals(step.messageId()) ? ""
                            : " <- " + shortId(step.causationId())));
            if (step.handlings().isEmpty()) {
                lines.add("             -> " + (step.targets() == 0 ? "no rule matched: no consumer" : "not handled yet"));
            }
            for (JsonNode h : step.handlings()) {
                long wait = h.path("at").asLong() - step.occurredAtMillis();
                StringBuilder line = new StringBuilder(String.format("             -> %-22s %-13s after %4d ms, took %4d ms",
                        h.path("function").asText(), h.path("outcome").asText(), wait, h.path("ms").asLong()));
                if (h.path("batchSize").asInt(1) > 1) {
                    line.append(" (batch of ").append(h.path("batchSize").asInt()).append(')');
                }
                if (h.path("receiveCount").asInt(1) > 1) {
                    line.append(" (receive ").append(h.path("receiveCount").asInt()).append(')');
                }
                if (h.hasNonNull("reason")) {
                    line.append(": ").append(h.path("reason").asText());
                }
                if (h.path("outcome").asText().equals("dead-lettered") && h.hasNonNull("deadLetterQueue")) {
                    line.append(" -> ").append(h.path("deadLetterQueue").asText());
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(8, id.length()));
    }
}
