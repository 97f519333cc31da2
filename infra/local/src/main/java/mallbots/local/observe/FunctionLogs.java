package mallbots.local.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Every line the hosted functions log, kept queryable: the last {@value #KEPT} in memory (served
 * as JSON at {@value #PATH}{@code ?correlationId=...&function=...&level=...&contains=...&limit=N},
 * newest last) and all of them appended to {@code logs.jsonl} in the state directory, one JSON
 * object per line, so that they outlive the run ({@code jq 'select(.correlationId=="...")'}).
 */
public final class FunctionLogs {

    public static final String PATH = "/_mallbots/logs";
    static final int KEPT = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deque<LogLine> recent = new ArrayDeque<>();
    private final JsonLinesFile file;

    public FunctionLogs(Path file) {
        this.file = new JsonLinesFile(file);
    }

    public Path file() {
        return file.path();
    }

    /** Keeps a line a function logged. */
    public void add(LogLine log) {
        synchronized (this) {
            recent.addLast(log);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
            file.append(log.json().toString());
        }
    }

    /** The kept lines matching every filter (see {@link LogLine#matches}), the newest {@code limit}. */
    public synchronized List<LogLine> find(Map<String, String> filters, int limit) {
        List<LogLine> found = new ArrayList<>();
        var it = recent.descendingIterator();
        while (it.hasNext() && found.size() < limit) {
            LogLine line = it.next();
            if (line.matches(filters)) {
                found.add(line);
            }
        }
        java.util.Collections.reverse(found);
        return found;
    }

    /** The JSON answer of {@value #PATH}. */
    public String view(String rawQuery) {
        Map<String, String> query = Query.parse(rawQuery);
        ArrayNode lines = JSON.createArrayNode();
        find(query, Query.limit(query, 200, KEPT)).forEach(line -> lines.add(line.json()));
        return JSON.createObjectNode().set("lines", lines).toString();
    }

    public void close() {
        file.close();
    }
}
