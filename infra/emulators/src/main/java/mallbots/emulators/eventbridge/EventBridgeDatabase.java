package mallbots.emulators.eventbridge;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where the local EventBridge keeps what must outlive a crash: the deliveries not yet done and
 * the archives. An H2 database, the one ElasticMQ already brings for the queues: with a data
 * directory it is {@code eventbridge.mv.db} there, each change committed (and written to the
 * file, {@code WRITE_DELAY=0}) before the caller goes on; without one it is in memory. One
 * connection, one statement at a time: H2 commits in microseconds, far below an HTTP round trip.
 */
final class EventBridgeDatabase implements AutoCloseable {

    /** The database's name in the data directory ({@value}.mv.db). */
    static final String NAME = "eventbridge";

    /** A unit of work on the connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final String where;

    private EventBridgeDatabase(Connection connection, String where) {
        this.connection = connection;
        this.where = where;
    }

    /** Opens (and creates) the database in {@code dataDir}, or in memory when it is null. */
    static EventBridgeDatabase open(Path dataDir) {
        // FILE_LOCK=FS: the operating system's lock, which a killed JVM cannot leave behind
        String url = dataDir == null ? "jdbc:h2:mem:eventbridge-" + UUID.randomUUID()
                : "jdbc:h2:" + dataDir.toAbsolutePath().resolve(NAME) + ";FILE_LOCK=FS;WRITE_DELAY=0";
        String where = dataDir == null ? "memory" : dataDir.toAbsolutePath().resolve(NAME + ".mv.db").toString();
        try {
            Connection connection = DriverManager.getConnection(url, "sa", "");
            try (Statement schema = connection.createStatement()) {
                schema.execute("""
                        CREATE TABLE IF NOT EXISTS deliveries (
                          id VARCHAR(64) PRIMARY KEY, event_id VARCHAR(64) NOT NULL, bus VARCHAR(256) NOT NULL,
                          source VARCHAR(256) NOT NULL, detail_type VARCHAR(256) NOT NULL, event_json VARCHAR NOT NULL,
                          accepted_at BIGINT NOT NULL, rule_name VARCHAR(64) NOT NULL, rule_arn VARCHAR(1600) NOT NULL,
                          target VARCHAR NOT NULL, attempt INT NOT NULL, next_attempt_at BIGINT NOT NULL,
                          last_error VARCHAR, trace_header VARCHAR)""");
                // a data dir written before deliveries kept their trace header
                schema.execute("ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS trace_header VARCHAR");
                schema.execute("ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS done_at BIGINT");
                schema.execute("""
                        CREATE TABLE IF NOT EXISTS archives (
                          name VARCHAR(48) PRIMARY KEY, arn VARCHAR(1600) NOT NULL, source_arn VARCHAR(1600) NOT NULL,
                          description VARCHAR(512), event_pattern VARCHAR, retention_days INT NOT NULL,
                          created_at BIGINT NOT NULL)""");
                schema.execute("""
                        CREATE TABLE IF NOT EXISTS archived_events (
                          seq BIGINT AUTO_INCREMENT PRIMARY KEY, archive VARCHAR(48) NOT NULL,
                          event_id VARCHAR(64) NOT NULL, event_time BIGINT NOT NULL, archived_at BIGINT NOT NULL,
                          bus VARCHAR(256) NOT NULL, source VARCHAR(256) NOT NULL, detail_type VARCHAR(256) NOT NULL,
                          event_json VARCHAR NOT NULL)""");
                schema.execute("CREATE INDEX IF NOT EXISTS archived_by_time ON archived_events (archive, event_time)");
            }
            return new EventBridgeDatabase(connection, where);
        } catch (SQLException e) {
            throw new IllegalStateException("the local EventBridge cannot open its database " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /** Where the data is: a file, or "memory". */
    String where() {
        return where;
    }

    /** Runs {@code work}; what it changed is committed when it returns. */
    synchronized <T> T run(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the local EventBridge's database " + where + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
