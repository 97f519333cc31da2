package mallbots.local.dlq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last error the Lambda host saw for each SQS message id, kept in a small tab-separated
 * file ({@code .mallbots/failures.tsv} by default): SQS does not annotate a message it redrives
 * to a dead-letter queue, so {@code ./mallbots dlq} reads the reason from here. One line per
 * failed attempt: message id, queue, function, epoch millis, reason; the last line of an id wins.
 */
public final class FailureRecords {

    public static final Path DEFAULT_FILE = Path.of(".mallbots", "failures.tsv");

    public record Failure(String messageId, String queue, String function, long atMillis, String reason) {
    }

    private final Path file;

    public FailureRecords(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void record(String messageId, String queue, String function, String reason) {
        String line = String.join("\t", clean(messageId), clean(queue), clean(function),
                Long.toString(System.currentTimeMillis()), clean(reason)) + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a failure in " + file, e);
        }
    }

    /** The last failure recorded per message id. */
    public synchronized Map<String, Failure> lastByMessageId() {
        Map<String, Failure> last = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return last;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String line : lines) {
            String[] f = line.split("\t", 5);
            if (f.length == 5) {
                last.put(f[0], new Failure(f[0], f[1], f[2], Long.parseLong(f[3]), f[4]));
            }
        }
        return last;
    }

    private static String clean(String value) {
        String text = value == null ? "" : value;
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
