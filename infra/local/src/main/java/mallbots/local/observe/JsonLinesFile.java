package mallbots.local.observe;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of one JSON object per line that the local cloud appends to (logs.jsonl, flow.jsonl):
 * created with its directory at the first line, flushed after every line so that a reader
 * ({@code ./mallbots trace}, {@code jq}) sees it at once and a crash loses at most the line being written.
 */
final class JsonLinesFile {

    private final Path file;
    private BufferedWriter writer;

    JsonLinesFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    synchronized void append(String json) {
        try {
            if (writer == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            writer.write(json);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // nothing more to keep
            }
            writer = null;
        }
    }
}
