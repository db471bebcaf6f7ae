package org.careslot.platform.messaging.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates the publication and the logical replication slot of the relay, synchronously at start-up and
 * before the service accepts work. From the moment the slot exists PostgreSQL retains every later WAL
 * change for it, so no committed event can be missed, however late the engine starts (and whichever
 * replica eventually runs it). Order matters: the publication first, because pgoutput decodes with the
 * catalog as of each change and must already see the publication then.
 *
 * <p>Both steps are idempotent and race-safe (several replicas start at once): "already exists" is success.
 */
public final class ReplicationSetup {

    /** Slot names allow lower-case letters, digits and underscores, at most 63 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,63}");
    private static final String DUPLICATE_OBJECT = "42710";

    private static final Logger log = LoggerFactory.getLogger(ReplicationSetup.class);

    private final DataSource dataSource;
    private final String slotName;
    private final String publicationName;

    public ReplicationSetup(DataSource dataSource, String slotName, String publicationName) {
        this.dataSource = dataSource;
        this.slotName = requireName(slotName, "slot");
        this.publicationName = requireName(publicationName, "publication");
    }

    /** {@code <application name>_outbox}, made a valid slot/publication name. */
    public static String defaultName(String applicationName) {
        String name = applicationName.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_outbox";
        return name.length() <= 63 ? name : name.substring(name.length() - 63);
    }

    private static String requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name must match [a-z0-9_]{1,63}: " + name);
        }
        return name;
    }

    /** @return the schema holding the outbox table */
    public String ensure() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                String schema = outboxSchema(connection);
                ensurePublication(connection, schema);
                ensureSlot(connection);
                return schema;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up logical replication for the outbox (slot "
                    + slotName + ", publication " + publicationName + ")", e);
        }
    }

    private String outboxSchema(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.oid = to_regclass('outbox')")) {
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no outbox table on the search path; did the messaging "
                            + "migration run (careslot.messaging.schema.migrate)?");
                }
                return rows.getString(1);
            }
        }
    }

    private void ensurePublication(Connection connection, String schema) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?", publicationName)) {
            try (Statement statement = connection.createStatement()) {
                // inserts only: cleanup deletes never reach the relay
                statement.execute("CREATE PUBLICATION " + publicationName + " FOR TABLE "
                        + quote(schema) + ".outbox WITH (publish = 'insert')");
                log.info("Created publication {} for {}.outbox", publicationName, schema);
            } catch (SQLException e) {
                if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_publication_tables WHERE pubname = ? AND schemaname = ? AND tablename = 'outbox'")) {
            statement.setString(1, publicationName);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("publication " + publicationName + " exists but does not cover "
                            + schema + ".outbox; drop it or choose careslot.messaging.relay.publication-name");
                }
            }
        }
    }

    private void ensureSlot(Connection connection) throws SQLException {
        if (!slotExists(connection)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
                statement.setString(1, slotName);
                statement.execute();
                log.info("Created logical replication slot {}", slotName);
            } catch (SQLException e) {
                if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                    throw e;
                }
            }
            slotExists(connection);
        }
    }

    /** @throws IllegalStateException when the name is taken by a slot that is not ours (another database) */
    private boolean slotExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT database, plugin, slot_type FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slotName);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                String database = rows.getString(1);
                if (!"logical".equals(rows.getString(3)) || !"pgoutput".equals(rows.getString(2))
                        || !database.equals(currentDatabase(connection))) {
                    throw new IllegalStateException("replication slot " + slotName + " belongs to database "
                            + database + " (plugin " + rows.getString(2) + "); set careslot.messaging.relay.slot-name");
                }
                return true;
            }
        }
    }

    /** Test support ({@code drop-slot-on-stop}): drops the slot unless a consumer still streams from it. */
    public void dropSlot() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                             + "WHERE slot_name = ? AND NOT active")) {
            statement.setString(1, slotName);
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not drop replication slot {}", slotName, e);
        }
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public String slotName() {
        return slotName;
    }

    public String publicationName() {
        return publicationName;
    }
}
