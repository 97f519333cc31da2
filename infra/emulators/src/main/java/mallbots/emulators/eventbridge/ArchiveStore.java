package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.event.ruler.Machine;

/**
 * The archives of the local EventBridge and the events they keep, in its {@link EventBridgeDatabase}
 * (the data directory, or memory). An archive keeps every event accepted on its bus that matches
 * its EventPattern (all of them without one), never a replayed event, for RetentionDays (0:
 * forever), counted from when it was archived.
 */
final class ArchiveStore {

    /** An archived event: the JSON the targets received, and its {@code time}. */
    record ArchivedEvent(long seq, String id, String busName, String source, String detailType, String json,
                         Instant time) {
    }

    /** What DescribeArchive and ListArchives report. */
    record Size(long eventCount, long sizeBytes) {
    }

    private record Defined(Archive archive, Optional<Machine> pattern) {
    }

    private final EventBridgeDatabase database;
    private final ObjectMapper json;
    /** The archives' definitions (kept in the database too) with each one's pattern compiled. */
    private final Map<String, Defined> archives = new ConcurrentSkipListMap<>();

    ArchiveStore(EventBridgeDatabase database, ObjectMapper json) {
        this.database = database;
        this.json = json;
        database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM archives");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Archive archive = new Archive(rows.getString("name"), rows.getString("arn"),
                            rows.getString("source_arn"), rows.getString("description"), rows.getString("event_pattern"),
                            rows.getInt("retention_days"), Instant.ofEpochMilli(rows.getLong("created_at")));
                    archives.put(archive.name(), new Defined(archive, compile(archive)));
                }
            }
            return null;
        });
    }

    /** Keeps a new archive; false when one of that name exists. */
    synchronized boolean create(Archive archive) {
        if (archives.containsKey(archive.name())) {
            return false;
        }
        Optional<Machine> pattern = compile(archive);
        database.run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO archives (name, arn, source_arn, description, event_pattern, retention_days, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, archive.name());
                insert.setString(2, archive.arn());
                insert.setString(3, archive.eventSourceArn());
                insert.setString(4, archive.description());
                insert.setString(5, archive.eventPattern());
                insert.setInt(6, archive.retentionDays());
                insert.setLong(7, archive.createdAt().toEpochMilli());
                return insert.executeUpdate();
            }
        });
        archives.put(archive.name(), new Defined(archive, pattern));
        return true;
    }

    Optional<Archive> find(String name) {
        return Optional.ofNullable(archives.get(name)).map(Defined::archive);
    }

    List<Archive> all() {
        return archives.values().stream().map(Defined::archive).toList();
    }

    /** Archives the event in every archive of {@code busArn} whose pattern it matches. */
    void archive(PublishedEvent event, String busArn, Instant now) {
        List<String> into = new ArrayList<>();
        for (Defined defined : archives.values()) {
            if (defined.archive().eventSourceArn().equals(busArn) && matches(defined.pattern(), event.json())) {
                into.add(defined.archive().name());
            }
        }
        if (into.isEmpty()) {
            return;
        }
        Instant time = eventTime(event.json(), now);
        database.run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO archived_events (archive, event_id, event_time, archived_at, bus, source, detail_type,
                      event_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (String archive : into) {
                    insert.setString(1, archive);
                    insert.setString(2, event.id());
                    insert.setLong(3, time.toEpochMilli());
                    insert.setLong(4, now.toEpochMilli());
                    insert.setString(5, event.busName());
                    insert.setString(6, event.source());
                    insert.setString(7, event.detailType());
                    insert.setString(8, event.json());
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    /** The archive's events whose {@code time} is in [from, to), oldest first. */
    List<ArchivedEvent> events(String archive, Instant from, Instant to) {
        return database.run(connection -> {
            List<ArchivedEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT * FROM archived_events WHERE archive = ? AND event_time >= ? AND event_time < ?
                    ORDER BY event_time, seq""")) {
                select.setString(1, archive);
                select.setLong(2, from.toEpochMilli());
                select.setLong(3, to.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new ArchivedEvent(rows.getLong("seq"), rows.getString("event_id"), rows.getString("bus"),
                                rows.getString("source"), rows.getString("detail_type"), rows.getString("event_json"),
                                Instant.ofEpochMilli(rows.getLong("event_time"))));
                    }
                }
            }
            return events;
        });
    }

    Size size(String archive) {
        return database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(event_json)), 0) FROM archived_events WHERE archive = ?")) {
                select.setString(1, archive);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new Size(row.getLong(1), row.getLong(2));
                }
            }
        });
    }

    /** Removes the events archived longer ago than their archive's retention; returns how many. */
    int expire(Instant now) {
        int removed = 0;
        for (Archive archive : all()) {
            if (archive.retentionDays() <= 0) {
                continue;
            }
            Instant cutoff = now.minus(Duration.ofDays(archive.retentionDays()));
            removed += database.run(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM archived_events WHERE archive = ? AND archived_at < ?")) {
                    delete.setString(1, archive.name());
                    delete.setLong(2, cutoff.toEpochMilli());
                    return delete.executeUpdate();
                }
            });
        }
        return removed;
    }

    private static boolean matches(Optional<Machine> machine, String eventJson) {
        if (machine.isEmpty()) {
            return true;
        }
        try {
            return !machine.get().rulesForJSONEvent(eventJson).isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException("event-ruler cannot read an event it was given: " + eventJson, e);
        }
    }

    private static Optional<Machine> compile(Archive archive) {
        if (archive.eventPattern() == null || archive.eventPattern().isBlank()) {
            return Optional.empty();
        }
        Machine machine = Machine.builder().build();
        try {
            machine.addRule(archive.name(), archive.eventPattern());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(machine);
    }

    /** The event's {@code time} field (PutEvents' Time, or when it was accepted). */
    private Instant eventTime(String eventJson, Instant fallback) {
        try {
            return Instant.parse(json.readTree(eventJson).path("time").asText());
        } catch (JsonProcessingException | RuntimeException e) {
            return fallback;
        }
    }
}
