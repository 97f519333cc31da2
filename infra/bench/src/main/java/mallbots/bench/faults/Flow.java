package mallbots.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the local cloud's flow records ({@code flow.jsonl} in its state directory, kept across a
 * restart) say about redeliveries: how many handlings were a queue's second or later receive of a
 * message, and why the messages that went to a dead-letter queue failed.
 *
 * @param sqsRedeliveries   handlings with a receive count above 1
 * @param failedHandlings   handlings that failed (the message comes back, or goes to the dead-letter queue)
 * @param deadLetterReasons dead-letter queue to the reasons of the last failures that sent messages there, counted
 */
record Flow(long sqsRedeliveries, long failedHandlings, Map<String, Map<String, Integer>> deadLetterReasons) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Flow read(Path file) {
        long redeliveries = 0;
        long failures = 0;
        Map<String, Map<String, Integer>> reasons = new TreeMap<>();
        if (!Files.exists(file)) {
            return new Flow(0, 0, reasons);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (IOException torn) {
                continue; // the last line of a killed process may be cut short
            }
            if (!record.path("kind").asText().equals("handled")) {
                continue;
            }
            if (record.path("receiveCount").asInt(1) > 1) {
                redeliveries++;
            }
            if (record.path("outcome").asText().equals("failed")) {
                failures++;
            }
            if (record.path("outcome").asText().equals("dead-lettered")) {
                failures++;
                String reason = record.path("reason").asText("");
                int at = reason.indexOf("reason=");
                reason = at >= 0 ? reason.substring(at + "reason=".length()) : reason;
                reasons.computeIfAbsent(record.path("deadLetterQueue").asText(), q -> new TreeMap<>())
                        .merge(reason.length() > 160 ? reason.substring(0, 160) + "..." : reason, 1, Integer::sum);
            }
        }
        return new Flow(redeliveries, failures, reasons);
    }
}
