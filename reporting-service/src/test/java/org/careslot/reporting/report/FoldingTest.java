package org.careslot.reporting.report;

import io.micrometer.core.instrument.MeterRegistry;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.reporting.appointment.domain.AppointmentStatus;
import org.careslot.reporting.report.domain.MonthlyFigures;
import org.careslot.reporting.support.ReportingIntegrationTest;
import org.careslot.reporting.support.TestAppointment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.CANCELLED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.COMPLETED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.CONFIRMED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.NO_SHOW;

/** The folding rules on real PostgreSQL: counters by current status, months in the doctor's zone, order safety. */
class FoldingTest extends ReportingIntegrationTest {

    static final YearMonth JANUARY = YearMonth.of(2031, 1);
    static final YearMonth FEBRUARY = YearMonth.of(2031, 2);

    @Autowired
    MeterRegistry meters;

    @Test
    void aStatusChangeMovesTheAppointmentBetweenCountersAndOnlyCompletedFeesAreEarned() {
        UUID doctor = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        TestAppointment first = fold(TestAppointment.booked(doctor, alice, "2031-01-06T10:00:00+06:00", "500.00"), 1);
        assertThat(figures(doctor, JANUARY)).isEqualTo(figures(1, 1, 0, 0, 0, 0, 1, "0.00"));

        fold(first.with(CONFIRMED), 2);
        assertThat(figures(doctor, JANUARY)).isEqualTo(figures(1, 0, 1, 0, 0, 0, 1, "0.00"));

        fold(first.with(COMPLETED), 3);
        assertThat(figures(doctor, JANUARY)).isEqualTo(figures(1, 0, 0, 1, 0, 0, 1, "500.00"));

        // cancel after confirm: out of confirmed, into cancelled, nothing earned
        TestAppointment second = fold(TestAppointment.booked(doctor, bob, "2031-01-07T10:00:00+06:00", "650.00"), 1);
        fold(second.with(CONFIRMED), 2);
        assertThat(figures(doctor, JANUARY)).isEqualTo(figures(2, 0, 1, 1, 0, 0, 2, "500.00"));
        fold(second.with(CANCELLED), 3);
        assertThat(figures(doctor, JANUARY)).isEqualTo(figures(2, 0, 0, 1, 1, 0, 2, "500.00"));

        // the same patient again: still two unique patients
        foldHistory(TestAppointment.booked(doctor, alice, "2031-01-08T10:00:00+06:00", "700.00"), CONFIRMED, NO_SHOW);
        foldHistory(TestAppointment.booked(doctor, alice, "2031-01-09T10:00:00+06:00", "700.50"), CONFIRMED,
                COMPLETED);
        assertThat(figures(doctor, JANUARY)).isEqualTo(figures(4, 0, 0, 2, 1, 1, 2, "1200.50"));
    }

    @Test
    void aRescheduleAcrossTheMonthBoundaryMovesTheAppointmentToTheMonthOfItsStartInTheDoctorsZone() {
        UUID doctor = UUID.randomUUID();
        TestAppointment booked = fold(TestAppointment.booked(doctor, UUID.randomUUID(), "2031-01-20T10:00:00+06:00",
                "500.00"), 1);
        fold(booked.with(CONFIRMED), 2);
        assertThat(figures(doctor, JANUARY)).isEqualTo(figures(1, 0, 1, 0, 0, 0, 1, "0.00"));

        // 1 February 00:30 in Dhaka, still 31 January in UTC: February's
        fold(booked.movedTo("2031-01-31T18:30:00Z"), 3);

        assertThat(figures(doctor, JANUARY)).isEqualTo(MonthlyFigures.ZERO);
        assertThat(figures(doctor, FEBRUARY)).isEqualTo(figures(1, 1, 0, 0, 0, 0, 1, "0.00"));
        assertThat(jdbc.queryForObject("SELECT month::text FROM appointment WHERE id = ?", String.class, booked.id()))
                .isEqualTo("2031-02-01");
    }

    @Test
    void redeliveredAndOvertakenVersionsChangeNothing() {
        UUID doctor = UUID.randomUUID();
        TestAppointment booked = TestAppointment.booked(doctor, UUID.randomUUID(), "2031-01-10T09:00:00+06:00",
                "800.00");
        fold(booked, 1);
        fold(booked.with(COMPLETED), 3);
        MonthlyFigures completed = figures(1, 0, 0, 1, 0, 0, 1, "800.00");
        assertThat(figures(doctor, JANUARY)).isEqualTo(completed);

        fold(booked.with(CONFIRMED), 2); // overtaken: arrives after version 3
        fold(booked.with(COMPLETED), 3); // redelivered
        fold(booked, 1);                 // redelivered

        assertThat(figures(doctor, JANUARY)).isEqualTo(completed);
        assertThat(jdbc.queryForObject("SELECT sequence FROM appointment WHERE id = ?", Long.class, booked.id()))
                .isEqualTo(3L);
    }

    @Test
    void replayingEverythingOnceMoreOrInAnotherOrderGivesTheSameReports() {
        Random random = new Random(7);
        UUID doctor = UUID.randomUUID();
        List<UUID> patients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<List<TestAppointment>> histories = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            histories.add(history(random, doctor, patients.get(random.nextInt(patients.size()))));
        }
        List<Versioned> events = new ArrayList<>();
        histories.forEach(history -> {
            for (int v = 0; v < history.size(); v++) {
                events.add(new Versioned(history.get(v), v + 1));
            }
        });
        events.forEach(event -> fold(event.appointment(), event.sequence()));
        List<MonthlyFigures> original = List.of(figures(doctor, JANUARY), figures(doctor, FEBRUARY));
        assertThat(original.get(0).totalAppointments() + original.get(1).totalAppointments()).isEqualTo(30);

        events.forEach(event -> fold(event.appointment(), event.sequence()));
        assertThat(List.of(figures(doctor, JANUARY), figures(doctor, FEBRUARY))).isEqualTo(original);

        // the same history, as if into an empty database: another doctor, new appointment ids, shuffled
        UUID replayed = UUID.randomUUID();
        List<Versioned> shuffled = new ArrayList<>();
        for (List<TestAppointment> history : histories) {
            UUID id = UUID.randomUUID();
            for (int v = 0; v < history.size(); v++) {
                shuffled.add(new Versioned(history.get(v).as(id, replayed), v + 1));
            }
        }
        Collections.shuffle(shuffled, random);
        shuffled.forEach(event -> fold(event.appointment(), event.sequence()));

        assertThat(List.of(figures(replayed, JANUARY), figures(replayed, FEBRUARY))).isEqualTo(original);
    }

    @Test
    void concurrentChangesOfOneMonthAreAllCounted() throws Exception {
        UUID doctor = UUID.randomUUID();
        List<TestAppointment> appointments = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            appointments.add(TestAppointment.booked(doctor, UUID.randomUUID(),
                    OffsetDateTime.parse("2031-01-01T09:00:00+06:00").plusHours(i).toString(), "100.00"));
        }
        inParallel(appointments.stream().<Callable<Object>>map(a -> () -> fold(a, 1)).toList());
        inParallel(appointments.stream().<Callable<Object>>map(a -> () -> fold(a.with(COMPLETED), 2)).toList());

        assertThat(figures(doctor, JANUARY)).isEqualTo(figures(40, 0, 0, 40, 0, 0, 40, "4000.00"));
    }

    @Test
    void aDoctorIsKnownFromTheirProfileOrAnAppointmentAndAnEmptyMonthIsZeros() {
        UUID profiled = UUID.randomUUID();
        UUID booked = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        knownDoctor(profiled, 2, "Dr. Rahman");
        fold(TestAppointment.booked(booked, UUID.randomUUID(), "2031-01-10T09:00:00+06:00", "500.00"), 1);

        assertThat(figures(profiled, JANUARY)).isEqualTo(MonthlyFigures.ZERO);
        assertThat(figures(booked, YearMonth.of(2031, 5))).isEqualTo(MonthlyFigures.ZERO);
        assertThatThrownBy(() -> report(unknown, JANUARY)).isInstanceOf(ResourceNotFoundException.class);

        knownDoctor(profiled, 1, "Dr. Older"); // an older profile version is dropped
        knownDoctor(booked, 1, "Dr. Booked");  // the first profile fills a doctor known only from an appointment
        assertThat(jdbc.queryForObject("SELECT full_name FROM doctor WHERE id = ?", String.class, profiled))
                .isEqualTo("Dr. Rahman");
        assertThat(jdbc.queryForObject("SELECT full_name FROM doctor WHERE id = ?", String.class, booked))
                .isEqualTo("Dr. Booked");
    }

    @Test
    void theEventToReportLatencyIsMeasured() {
        long before = meters.timer(MonthlyReports.LAG_TIMER).count();

        fold(TestAppointment.booked(UUID.randomUUID(), UUID.randomUUID(), "2031-01-10T09:00:00+06:00", "500.00"), 1);

        assertThat(meters.timer(MonthlyReports.LAG_TIMER).count()).isEqualTo(before + 1);
    }

    record Versioned(TestAppointment appointment, long sequence) {
    }

    /** A random life of one appointment in January or February 2031: booked, then a legal series of changes. */
    static List<TestAppointment> history(Random random, UUID doctor, UUID patient) {
        List<TestAppointment> versions = new ArrayList<>();
        TestAppointment current = TestAppointment.booked(doctor, patient,
                OffsetDateTime.parse("2031-01-25T10:00:00+06:00").plusDays(random.nextInt(14)).toString(),
                (300 + random.nextInt(700)) + ".00");
        versions.add(current);
        int steps = random.nextInt(4);
        for (int i = 0; i < steps && !isOver(current.status()); i++) {
            current = switch (random.nextInt(4)) {
                case 0 -> current.movedTo(current.startsAt().plusDays(random.nextInt(-10, 10)).toString());
                case 1 -> current.with(CANCELLED);
                default -> current.status() == CONFIRMED
                        ? current.with(random.nextBoolean() ? COMPLETED : NO_SHOW) : current.with(CONFIRMED);
            };
            versions.add(current);
        }
        return versions;
    }

    static boolean isOver(AppointmentStatus status) {
        return status == COMPLETED || status == NO_SHOW || status == CANCELLED;
    }

    static void inParallel(List<Callable<Object>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Object>> futures = tasks.stream().map(task -> pool.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            for (Future<Object> future : futures) {
                future.get();
            }
        }
    }
}
