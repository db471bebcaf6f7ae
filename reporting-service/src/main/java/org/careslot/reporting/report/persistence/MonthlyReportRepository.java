package org.careslot.reporting.report.persistence;

import org.careslot.reporting.report.MonthlyReport;
import org.careslot.reporting.report.domain.MonthlyFigures;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class MonthlyReportRepository {

    /** Advisory lock namespace of months ("REPT"): folds share a month's lock, its close takes it alone. */
    private static final int MONTH_LOCKS = 0x52455054;

    private static final String COLUMNS = """
            r.doctor_id, r.month, r.total_appointments, r.pending, r.confirmed, r.completed, r.cancelled, r.no_show,
            r.unique_patients, r.earnings, r.final, r.generated_at, r.version""";

    private static final RowMapper<MonthlyReport> REPORT = (rs, n) -> {
        OffsetDateTime generated = rs.getObject("generated_at", OffsetDateTime.class);
        return new MonthlyReport(rs.getObject("doctor_id", UUID.class),
                YearMonth.from(rs.getObject("month", LocalDate.class)),
                new MonthlyFigures(rs.getInt("total_appointments"), rs.getInt("pending"), rs.getInt("confirmed"),
                        rs.getInt("completed"), rs.getInt("cancelled"), rs.getInt("no_show"),
                        rs.getInt("unique_patients"), MonthlyFigures.money(rs.getBigDecimal("earnings"))),
                rs.getBoolean("final"), generated == null ? null : generated.toInstant(), rs.getLong("version"));
    };

    private final JdbcClient jdbc;

    public MonthlyReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the transaction ends; any number of folds at once, but not beside the month's close. */
    public void shareMonth(YearMonth month) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(?, ?)").params(MONTH_LOCKS, monthKey(month))
                .query((rs, n) -> 1).list();
    }

    /** Held until the transaction ends: waits for the month's folds in flight, holds back new ones. */
    public void lockMonth(YearMonth month) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(MONTH_LOCKS, monthKey(month))
                .query((rs, n) -> 1).list();
    }

    /** The report row, created with zeros if missing, locked until the transaction ends. */
    public MonthlyReport lock(UUID doctorId, YearMonth month) {
        jdbc.sql("INSERT INTO monthly_report (doctor_id, month) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(doctorId, month.atDay(1)).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM monthly_report r WHERE doctor_id = ? AND month = ? FOR UPDATE")
                .params(doctorId, month.atDay(1)).query(REPORT).single();
    }

    public void updateFigures(UUID doctorId, YearMonth month, MonthlyFigures figures) {
        jdbc.sql("""
                        UPDATE monthly_report SET total_appointments = :total, pending = :pending,
                            confirmed = :confirmed, completed = :completed, cancelled = :cancelled,
                            no_show = :no_show, unique_patients = :patients, earnings = :earnings,
                            updated_at = now()
                        WHERE doctor_id = :doctor AND month = :month""")
                .params(figureParams(figures))
                .param("doctor", doctorId).param("month", month.atDay(1))
                .update();
    }

    /** Stores the figures as the month's final report generated at {@code now}, as the next version. */
    public MonthlyReport finish(UUID doctorId, YearMonth month, MonthlyFigures figures, Instant now) {
        return jdbc.sql("""
                        UPDATE monthly_report r SET total_appointments = :total, pending = :pending,
                            confirmed = :confirmed, completed = :completed, cancelled = :cancelled,
                            no_show = :no_show, unique_patients = :patients, earnings = :earnings,
                            final = true, generated_at = :now, version = version + 1, updated_at = now()
                        WHERE doctor_id = :doctor AND month = :month
                        RETURNING\s""" + COLUMNS)
                .params(figureParams(figures))
                .param("doctor", doctorId).param("month", month.atDay(1))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(REPORT).single();
    }

    /** Gives every known doctor a row for {@code month} (zeros unless it has one). */
    public void addKnownDoctors(YearMonth month) {
        jdbc.sql("INSERT INTO monthly_report (doctor_id, month) SELECT id, ? FROM doctor ON CONFLICT DO NOTHING")
                .param(month.atDay(1)).update();
    }

    /** Marks every row of {@code month} final, generated at {@code now}, as its next version. */
    public List<MonthlyReport> finishAll(YearMonth month, Instant now) {
        return jdbc.sql("""
                        UPDATE monthly_report r SET final = true, generated_at = ?, version = version + 1,
                            updated_at = now()
                        WHERE month = ?
                        RETURNING\s""" + COLUMNS)
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), month.atDay(1))
                .query(REPORT).list()
                .stream().sorted(java.util.Comparator.comparing(MonthlyReport::doctorId)).toList();
    }

    public Optional<MonthlyReport> find(UUID doctorId, YearMonth month) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monthly_report r WHERE doctor_id = ? AND month = ?")
                .params(doctorId, month.atDay(1)).query(REPORT).optional();
    }

    /**
     * Stored reports, newest month first, then by doctor id; filters are optional. A page of {@code limit} from
     * {@code offset}; {@code limit} null for all.
     */
    public List<MonthlyReport> list(UUID doctorId, YearMonth month, long offset, Integer limit) {
        Where where = where(doctorId, month);
        String sql = "SELECT " + COLUMNS + " FROM monthly_report r" + where.sql()
                + " ORDER BY r.month DESC, r.doctor_id" + (limit == null ? "" : " LIMIT :limit OFFSET :offset");
        JdbcClient.StatementSpec statement = jdbc.sql(sql).params(where.params());
        if (limit != null) {
            statement = statement.param("limit", limit).param("offset", offset);
        }
        return statement.query(REPORT).list();
    }

    public long count(UUID doctorId, YearMonth month) {
        Where where = where(doctorId, month);
        return jdbc.sql("SELECT count(*) FROM monthly_report r" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /**
     * The month's figures added up over all doctors ({@code doctors}: those with appointments); unique patients are
     * not additive and left at 0 here.
     */
    public Totals totals(YearMonth month) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE total_appointments > 0) AS doctors,
                            coalesce(sum(total_appointments), 0) AS total,
                            coalesce(sum(pending), 0) AS pending, coalesce(sum(confirmed), 0) AS confirmed,
                            coalesce(sum(completed), 0) AS completed, coalesce(sum(cancelled), 0) AS cancelled,
                            coalesce(sum(no_show), 0) AS no_show, coalesce(sum(earnings), 0) AS earnings
                        FROM monthly_report WHERE month = ?""")
                .param(month.atDay(1))
                .query((rs, n) -> new Totals(rs.getInt("doctors"), new MonthlyFigures(rs.getInt("total"),
                        rs.getInt("pending"), rs.getInt("confirmed"), rs.getInt("completed"), rs.getInt("cancelled"),
                        rs.getInt("no_show"), 0, MonthlyFigures.money(rs.getBigDecimal("earnings")))))
                .single();
    }

    public record Totals(int doctors, MonthlyFigures figures) {
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(UUID doctorId, YearMonth month) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (doctorId != null) {
            conditions.add("r.doctor_id = :doctor");
            params.put("doctor", doctorId);
        }
        if (month != null) {
            conditions.add("r.month = :month");
            params.put("month", month.atDay(1));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static Map<String, Object> figureParams(MonthlyFigures figures) {
        return Map.of("total", figures.totalAppointments(), "pending", figures.pending(),
                "confirmed", figures.confirmed(), "completed", figures.completed(),
                "cancelled", figures.cancelled(), "no_show", figures.noShow(),
                "patients", figures.uniquePatients(), "earnings", figures.earnings());
    }

    /** A month as one number, unique per month: the advisory lock's second key. */
    static int monthKey(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }
}
