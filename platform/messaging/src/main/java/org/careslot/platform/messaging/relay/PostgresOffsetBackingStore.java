package org.careslot.platform.messaging.relay;

import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;
import org.apache.kafka.connect.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Debezium offsets in the service's own PostgreSQL ({@code outbox_relay_offset}), so they live and die
 * with the WAL position they describe (a restored backup restores both). Debezium's JDBC offset store is
 * not published for 3.6.3.Final, and a file would need a volume per replica.
 *
 * <p>The engine instantiates this class by name and configures it from its own properties
 * ({@link #URL}, {@link #USER}, {@link #PASSWORD}). Writes go to the database before the in-memory copy
 * and before the engine is told the flush succeeded.
 */
public class PostgresOffsetBackingStore extends MemoryOffsetBackingStore {

    public static final String URL = "offset.storage.careslot.jdbc.url";
    public static final String USER = "offset.storage.careslot.jdbc.user";
    public static final String PASSWORD = "offset.storage.careslot.jdbc.password";
    static final String TABLE = "outbox_relay_offset";

    private static final Logger log = LoggerFactory.getLogger(PostgresOffsetBackingStore.class);

    private String url;
    private String user;
    private String password;
    private Connection connection;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Map<String, String> originals = config.originalsStrings();
        url = require(originals, URL);
        user = require(originals, USER);
        password = originals.get(PASSWORD);
    }

    private static String require(Map<String, String> originals, String key) {
        String value = originals.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("offset store needs " + key);
        }
        return value;
    }

    @Override
    public void start() {
        super.start();
        try {
            Connection db = connection();
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT offset_key, offset_value FROM " + TABLE)) {
                while (rows.next()) {
                    data.put(ByteBuffer.wrap(rows.getBytes(1)), ByteBuffer.wrap(rows.getBytes(2)));
                }
            }
            // autocommit is off: end the read, or the session stays "idle in transaction" (holding back
            // vacuum's xmin horizon) until the first offset write, which an idle outbox may never bring
            db.commit();
            log.debug("Loaded {} relay offsets", data.size());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read relay offsets from " + TABLE, e);
        }
    }

    @Override
    public Future<Void> set(Map<ByteBuffer, ByteBuffer> values, Callback<Void> callback) {
        return executor.submit(() -> {
            try {
                write(values);
            } catch (SQLException | RuntimeException e) {
                closeConnection();
                if (callback != null) {
                    callback.onCompletion(e, null);
                }
                throw e;
            }
            data.putAll(values);
            if (callback != null) {
                callback.onCompletion(null, null);
            }
            return null;
        });
    }

    private void write(Map<ByteBuffer, ByteBuffer> values) throws SQLException {
        Connection db = connection();
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO " + TABLE
                + " (offset_key, offset_value, updated_at) VALUES (?, ?, now()) ON CONFLICT (offset_key) "
                + "DO UPDATE SET offset_value = excluded.offset_value, updated_at = excluded.updated_at");
             PreparedStatement delete = db.prepareStatement("DELETE FROM " + TABLE + " WHERE offset_key = ?")) {
            for (Map.Entry<ByteBuffer, ByteBuffer> entry : values.entrySet()) {
                if (entry.getKey() == null) {
                    continue;
                }
                if (entry.getValue() == null) {
                    delete.setBytes(1, bytes(entry.getKey()));
                    delete.addBatch();
                } else {
                    upsert.setBytes(1, bytes(entry.getKey()));
                    upsert.setBytes(2, bytes(entry.getValue()));
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
            delete.executeBatch();
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private synchronized Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // replaced by a fresh connection on the next write
            }
            connection = null;
        }
    }

    @Override
    public void stop() {
        super.stop(); // waits for pending writes, so do not hold this object's monitor here
        closeConnection();
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        // only Kafka Connect's REST API lists partitions; the embedded engine never asks
        return Set.of();
    }
}
