package org.careslot.notification.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** JDBC conversions the PostgreSQL driver does not do by itself (it maps timestamptz to OffsetDateTime). */
public final class Sql {

    private Sql() {
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
