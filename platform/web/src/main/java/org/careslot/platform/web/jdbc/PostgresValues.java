package org.careslot.platform.web.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * JDBC conversions the PostgreSQL driver does not do by itself: it maps {@code timestamptz} to
 * {@link OffsetDateTime} only, and has no {@link Duration} binding for {@code interval}.
 */
public final class PostgresValues {

    private PostgresValues() {
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An interval parameter: whole milliseconds, cast with {@code CAST(:x AS interval)}. */
    public static String interval(Duration duration) {
        return duration == null ? null : duration.toMillis() + " milliseconds";
    }
}
