package org.careslot.reporting.report.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

@Repository
public class MonthCloseRepository {

    private final JdbcClient jdbc;

    public MonthCloseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the month as closed unless it is. Of concurrent callers exactly one gets true: the others wait on the
     * key until the first commits, then find it taken.
     */
    public boolean claim(YearMonth month, Instant now) {
        return jdbc.sql("INSERT INTO month_close (month, closed_at) VALUES (?, ?) ON CONFLICT (month) DO NOTHING")
                .params(month.atDay(1), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update() == 1;
    }

    /** Records a (re-)run of the month's close. */
    public void rerun(YearMonth month, Instant now) {
        jdbc.sql("""
                        INSERT INTO month_close (month, closed_at) VALUES (?, ?)
                        ON CONFLICT (month) DO UPDATE SET closed_at = EXCLUDED.closed_at, runs = month_close.runs + 1""")
                .params(month.atDay(1), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    public boolean isClosed(YearMonth month) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM month_close WHERE month = ?)").param(month.atDay(1))
                .query(Boolean.class).single();
    }
}
