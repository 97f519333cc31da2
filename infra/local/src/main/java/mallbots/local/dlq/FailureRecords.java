package mallbots.local.dlq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last error the Lambda host saw for each SQS message id, kept in a small tab-separated
 * file ({@code .mallbots/failures.tsv} by default): SQS does not annotate a message it redrives
 * to a dead-letter queue, so {@code ./mallbots dlq} reads the reason from here, and which
 * messages are being retried (failed, and waiting to be received again). One line per failed
 * attempt: message id, queue, function, epoch millis, reason, receive count, when it is visible
 * again (epoch millis); the last line of an id wins. A message handled after a failure gets a
 * line with {@value #HANDLED}, and a start with empty queues (no {@code --data-dir}) a line
 * {@value #QUEUES_EMPTY}, after which nothing recorded before is being retried.
 */
public final class FailureRecords {

    public static final Path DEFAULT_FILE = Path.of(".mallbots", "failures.tsv");
    private static final String HANDLED = "handled";
    private static final String QUEUES_EMPTY = "queues-empty";

    /**
     * One failed attempt. {@code receiveCount} and {@code visibleAgainAtMillis} are 0 in lines
     * written before they were recorded.
     */
    public record Failure(String messageId, String queue, String function, long atMillis, String reason,
                          int receiveCount, long visibleAgainAtMillis) {
    }

    private final Path file;
    /** Ids whose last line is a failure: a success of one of them is written down. Loaded at first use. */
    private Set<String> open;

    public FailureRecords(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** A failed receive: the message's receive count, and when its visibility timeout lets it be received again. */
    public synchronized void record(String messageId, String queue, String function, String reason, int receiveCount,
                                    long visibleAgainAtMillis) {
        append(String.join("\t", clean(messageId), clean(queue), clean(function),
                Long.toString(System.currentTimeMillis()), clean(reason), Integer.toString(receiveCount),
                Long.toString(visibleAgainAtMillis)));
        openIds().add(messageId);
    }

    /** The message was handled: if it had failed before, it is no longer being retried. */
    public synchronized void handled(String messageId, String queue, String function) {
        if (openIds().remove(messageId)) {
            append(String.join("\t", clean(messageId), clean(queue), clean(function),
                    Long.toString(System.currentTimeMillis()), HANDLED, HANDLED, "0"));
        }
    }

    /** The queues start empty (in memory): what failed before is gone, not being retried. */
    public synchronized void queuesStartEmpty() {
        append(String.join("\t", "*", "", "", Long.toString(System.currentTimeMillis()), QUEUES_EMPTY, QUEUES_EMPTY, "0"));
        openIds().clear();
    }

    /** The last failure recorded per message id. */
    public synchronized Map<String, Failure> lastByMessageId() {
        Map<String, Failure> last = new HashMap<>();
        for (String[] f : lines()) {
            if (!isMarker(f)) {
                last.put(f[0], failure(f));
            }
        }
        return last;
    }

    /**
     * The messages being retried: their last line is a failure, after the last start with empty
     * queues; oldest failure first. A message its queue has moved to the dead-letter queue since
     * is among them too (the host does not see that move); the caller checks the DLQs.
     */
    public synchronized List<Failure> retrying() {
        Map<String, Failure> open = new LinkedHashMap<>();
        for (String[] f : lines()) {
            if (f[0].equals("*")) {
                open.clear();
            } else if (isMarker(f)) {
                open.remove(f[0]);
            } else {
                open.remove(f[0]);
                open.put(f[0], failure(f));
            }
        }
        return new ArrayList<>(open.values());
    }

    private Set<String> openIds() {
        if (open == null) {
            open = ConcurrentHashMap.newKeySet();
            retrying().forEach(failure -> open.add(failure.messageId()));
        }
        return open;
    }

    private static boolean isMarker(String[] f) {
        return f.length >= 6 && (f[5].equals(HANDLED) || f[5].equals(QUEUES_EMPTY));
    }

    private static Failure failure(String[] f) {
        boolean full = f.length >= 7;
        return new Failure(f[0], f[1], f[2], Long.parseLong(f[3]), f[4], full ? Integer.parseInt(f[5]) : 0,
                full ? Long.parseLong(f[6]) : 0);
    }

    private List<String[]> lines() {
        List<String[]> lines = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 5 || f.length == 7) {
                    lines.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return lines;
    }

    private void append(String line) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a failure in " + file, e);
        }
    }

    private static String clean(String value) {
        String text = value == null ? "" : value;
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
