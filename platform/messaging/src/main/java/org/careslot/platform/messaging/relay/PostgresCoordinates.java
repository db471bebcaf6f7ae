package org.careslot.platform.messaging.relay;

import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;

import java.util.Properties;

/**
 * Where the service's database is, derived from {@code spring.datasource.url/username/password}:
 * Debezium wants host, port and database name rather than a JDBC URL.
 */
public record PostgresCoordinates(String jdbcUrl, String host, int port, String database, String user,
                                  @Nullable String password) {

    public static PostgresCoordinates fromJdbcUrl(String jdbcUrl, String user, @Nullable String password) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        // multi-host URLs list hosts and ports comma-separated; the relay needs the primary, listed first
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        String database = parsed.getProperty("PGDBNAME");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("JDBC URL names no database: " + jdbcUrl);
        }
        return new PostgresCoordinates(jdbcUrl, host, port, database, user, password);
    }

    @Override
    public String toString() {
        return "PostgresCoordinates[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
