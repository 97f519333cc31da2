package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every delivery of an event to a rule's target that is not done yet: written before PutEvents
 * answers, updated when an attempt fails and a retry is due, removed when the target took the
 * event, or it went to the dead-letter queue, or was dropped. After a crash the local EventBridge
 * starts again from here (at least once: an attempt that succeeded just before the kill runs again).
 * A delivery keeps its target's definition as it was, so it needs no rule to exist at restart.
 */
final class DeliveryJournal {

    /** One delivery not yet done: its event, where it goes, how many attempts were made, when the next is due. */
    record Pending(String id, PublishedEvent event, String ruleName, String ruleArn, ObjectNode target,
                   int attempt, Instant nextAttemptAt, String lastError) {
    }

    /**
     * How long a delivery stays in the journal after it is over. ElasticMQ writes a message to its
     * store just after it answered SendMessage, so a message sent in the last moment before a
     * {@code kill -9} can be missing from the queue after the restart; the restart sends the
     * deliveries over in this last moment again (at least once: the consumers are idempotent).
     */
    static final Duration KEPT_AFTER_DONE = Duration.ofSeconds(2);

    private final EventBridgeDatabase database;
    private final ObjectMapper json;

    DeliveryJournal(EventBridgeDatabase database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Records a new delivery (attempt 1, due now); returns its id. */
    String add(PublishedEvent event, Rule rule, Target target) {
        String id = UUID.randomUUID().toString();
        database.run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO deliveries (id, event_id, bus, source, detail_type, event_json, accepted_at, rule_name,
                      rule_arn, target, attempt, next_attempt_at, trace_header) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")) {
                insert.setString(1, id);
                insert.setString(2, event.id());
                insert.setString(3, event.busName());
                insert.setString(4, event.source());
                insert.setString(5, event.detailType());
                insert.setString(6, event.json());
                insert.setLong(7, event.acceptedAt().toEpochMilli());
                insert.setString(8, rule.name());
                insert.setString(9, rule.arn());
                insert.setString(10, target.definition().toString());
                insert.setLong(11, event.acceptedAt().toEpochMilli());
                insert.setString(12, event.traceHeader());
                return insert.executeUpdate();
            }
        });
        return id;
    }

    /** An attempt failed: {@code attempt} is the next one, due at {@code nextAttemptAt}. */
    void retrying(String id, int attempt, Instant nextAttemptAt, String error) {
        database.run(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE deliveries SET attempt = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                update.setInt(1, attempt);
                update.setLong(2, nextAttemptAt.toEpochMilli());
                update.setString(3, error);
                update.setString(4, id);
                return update.executeUpdate();
            }
        });
    }

    /** The delivery is over: delivered, dead-lettered or dropped. */
    void done(String id) {
        done(id, Instant.now());
    }

    /**
     * Marks the delivery over at {@code now} and forgets those over for longer than
     * {@link #KEPT_AFTER_DONE}: until then a restart sends it again (see there).
     */
    void done(String id, Instant now) {
        database.run(connection -> {
            try (PreparedStatement mark = connection.prepareStatement("UPDATE deliveries SET done_at = ? WHERE id = ?");
                 PreparedStatement forget = connection.prepareStatement(
                         "DELETE FROM deliveries WHERE done_at < ?")) {
                mark.setLong(1, now.toEpochMilli());
                mark.setString(2, id);
                forget.setLong(1, now.minus(KEPT_AFTER_DONE).toEpochMilli());
                return mark.executeUpdate() + forget.executeUpdate();
            }
        });
    }

    /** On a clean stop: the queues were closed properly, nothing over needs sending again. */
    void forgetDone() {
        database.run(connection -> {
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM deliveries WHERE done_at IS NOT NULL")) {
                return forget.executeUpdate();
            }
        });
    }

    /** Every delivery not done, oldest first. */
    List<Pending> pending() {
        return select("SELECT * FROM deliveries WHERE done_at IS NULL ORDER BY accepted_at, id");
    }

    /**
     * What a start after a crash carries on with: every delivery not done, and those done in the
     * last {@link #KEPT_AFTER_DONE} before it, which the queue may not have kept.
     */
    List<Pending> toResume() {
        return select("SELECT * FROM deliveries ORDER BY accepted_at, id");
    }

    private List<Pending> select(String query) {
        return database.run(connection -> {
            List<Pending> pending = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(query);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    PublishedEvent event = new PublishedEvent(rows.getString("event_id"), rows.getString("bus"),
                            rows.getString("source"), rows.getString("detail_type"), rows.getString("event_json"),
                            Instant.ofEpochMilli(rows.getLong("accepted_at")), rows.getString("trace_header"));
                    pending.add(new Pending(rows.getString("id"), event, rows.getString("rule_name"),
                            rows.getString("rule_arn"), definition(rows.getString("target")), rows.getInt("attempt"),
                            Instant.ofEpochMilli(rows.getLong("next_attempt_at")), rows.getString("last_error")));
                }
            }
            return pending;
        });
    }

    private ObjectNode definition(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journaled target is not JSON: " + text, e);
        }
    }
}
