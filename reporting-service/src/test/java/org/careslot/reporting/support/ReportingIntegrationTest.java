package org.careslot.reporting.support;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.reporting.appointment.domain.AppointmentStatus;
import org.careslot.reporting.doctor.DoctorSnapshot;
import org.careslot.reporting.doctor.Doctors;
import org.careslot.reporting.report.MonthClose;
import org.careslot.reporting.report.MonthlyReport;
import org.careslot.reporting.report.MonthlyReports;
import org.careslot.reporting.report.ReportQueries;
import org.careslot.reporting.report.domain.MonthlyFigures;
import org.careslot.reporting.report.domain.ReportReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reporting service against real PostgreSQL, Kafka and Keycloak, with the upstream topics created before its
 * listeners subscribe. Every subclass shares this one Spring context.
 * Tests keep apart by fresh doctor ids and, where a whole month matters (summary, close), a month of their own.
 */
@RealInfrastructure(database = "reporting_it", keycloak = true)
@ExtendWith({UpstreamEvents.class, AppointmentStream.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=reporting-service-it")
public abstract class ReportingIntegrationTest {

    /** Months no other test uses: far in the past (closable) from 1900-01 on. */
    private static final AtomicInteger PAST_MONTHS = new AtomicInteger();

    protected static final ReportReader ADMIN = new ReportReader(UUID.randomUUID(), true, false);

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MonthlyReports monthlyReports;
    @Autowired
    protected ReportQueries queries;
    @Autowired
    protected MonthClose monthClose;
    @Autowired
    protected Doctors doctors;

    protected ServiceHttp http;

    @BeforeEach
    void connect() {
        http = new ServiceHttp(port);
    }

    /** A month of the past that no other test of this JVM gets. */
    protected static YearMonth ownPastMonth() {
        return YearMonth.of(1900, 1).plusMonths(PAST_MONTHS.getAndIncrement());
    }

    /** Folds the appointment's state as version {@code sequence}, as the consumer would. */
    protected TestAppointment fold(TestAppointment appointment, long sequence) {
        monthlyReports.appointmentChanged(appointment.snapshot(), sequence, Instant.now());
        return appointment;
    }

    /** Folds the appointment's history: version 1 booked, then one version per status. */
    protected TestAppointment foldHistory(TestAppointment booked, AppointmentStatus... then) {
        fold(booked, 1);
        TestAppointment current = booked;
        for (int i = 0; i < then.length; i++) {
            current = fold(current.with(then[i]), i + 2);
        }
        return current;
    }

    protected MonthlyReport report(UUID doctorId, YearMonth month) {
        return queries.one(ADMIN, doctorId, month);
    }

    protected MonthlyFigures figures(UUID doctorId, YearMonth month) {
        return report(doctorId, month).figures();
    }

    protected static MonthlyFigures figures(int total, int pending, int confirmed, int completed, int cancelled,
                                            int noShow, int patients, String earnings) {
        return new MonthlyFigures(total, pending, confirmed, completed, cancelled, noShow, patients,
                new BigDecimal(earnings));
    }

    protected void knownDoctor(UUID doctorId, long sequence, String name) {
        doctors.profileChanged(new DoctorSnapshot(doctorId, name, "Asia/Dhaka", new BigDecimal("500.00"), true),
                sequence);
    }

    /** The outbox rows of monthly_report.generated for {@code doctorId}'s {@code month}, oldest first. */
    protected List<String> publishedReports(UUID doctorId, YearMonth month) {
        return jdbc.queryForList("""
                        SELECT payload FROM outbox WHERE aggregate_type = 'reporting.monthly-report.v1'
                        AND aggregate_id = ? ORDER BY (payload::jsonb ->> 'sequence')::bigint""", String.class,
                doctorId + ":" + month);
    }
}
