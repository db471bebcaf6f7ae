package org.careslot.reporting.report;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.testkit.EventContract;
import org.careslot.reporting.support.ReportingIntegrationTest;
import org.careslot.reporting.support.TestAppointment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.COMPLETED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.CONFIRMED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.NO_SHOW;

/** The month close: final reports published through the outbox exactly once, corrected by late events. */
class MonthCloseTest extends ReportingIntegrationTest {

    static final String TOPIC = "reporting.monthly-report.v1";
    static final String SCHEMA = "reporting.monthly-report.v1/monthly-report.json";
    static final Duration ARRIVAL = Duration.ofSeconds(30);

    /** A start in {@code month}, on its 10th at 10:00 in Dhaka. */
    static String startIn(YearMonth month, int day) {
        return month.atDay(day) + "T10:00:00+06:00";
    }

    @Test
    void twoInstancesClosingTheSameMonthAtOnceCloseItOnceAndPublishOneEventPerDoctor() throws Exception {
        YearMonth month = ownPastMonth();
        UUID doctor = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        foldHistory(TestAppointment.booked(doctor, patient, startIn(month, 10), "650.00"), CONFIRMED, COMPLETED);
        foldHistory(TestAppointment.booked(doctor, patient, startIn(month, 11), "650.00"), CONFIRMED, NO_SHOW);

        CountDownLatch start = new CountDownLatch(1);
        List<MonthClose.Outcome> outcomes;
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            Callable<MonthClose.Outcome> closer = () -> {
                start.await();
                return monthClose.closeOnce(month);
            };
            List<Future<MonthClose.Outcome>> running = List.of(instances.submit(closer), instances.submit(closer));
            start.countDown();
            outcomes = List.of(running.get(0).get(), running.get(1).get());
        }

        assertThat(outcomes).filteredOn(MonthClose.Outcome::closedNow).hasSize(1);
        assertThat(monthClose.closeOnce(month).closedNow()).as("a later run").isFalse();
        MonthlyReport report = report(doctor, month);
        assertThat(report.isFinal()).isTrue();
        assertThat(report.generatedAt()).isNotNull();
        assertThat(report.version()).isEqualTo(1);
        assertThat(publishedReports(doctor, month)).hasSize(1);

        ConsumerRecord<String, String> record = EventContract.awaitRecord(TOPIC,
                r -> (doctor + ":" + month).equals(r.key()), ARRIVAL);
        EventContract.assertMatchesContract(record, SCHEMA);
        JsonNode envelope = EventContract.envelope(record);
        assertThat(envelope.get("type").asString()).isEqualTo("monthly_report.generated");
        assertThat(envelope.get("sequence").asLong()).isEqualTo(1);
        JsonNode data = envelope.get("data");
        assertThat(data.get("doctor_id").asString()).isEqualTo(doctor.toString());
        assertThat(data.get("month").asString()).isEqualTo(month.toString());
        assertThat(data.get("total_appointments").asInt()).isEqualTo(2);
        assertThat(data.get("completed").asInt()).isEqualTo(1);
        assertThat(data.get("no_show").asInt()).isEqualTo(1);
        assertThat(data.get("unique_patients").asInt()).isEqualTo(1);
        assertThat(data.get("earnings").asString()).isEqualTo("650.00");
        assertThat(data.get("final").asBoolean()).isTrue();
    }

    @Test
    void closingGivesEveryKnownDoctorAFinalReportZerosIncluded() {
        YearMonth month = ownPastMonth();
        UUID idle = UUID.randomUUID();
        knownDoctor(idle, 1, "Dr. Idle");

        MonthClose.Outcome outcome = monthClose.closeOnce(month);

        assertThat(outcome.closedNow()).isTrue();
        MonthlyReport report = report(idle, month);
        assertThat(report.isFinal()).isTrue();
        assertThat(report.figures().totalAppointments()).isZero();
        assertThat(publishedReports(idle, month)).hasSize(1);
    }

    @Test
    void aLateEventCorrectsTheClosedMonthAndPublishesItAgainButARescheduleWithinItDoesNot() {
        YearMonth month = ownPastMonth();
        UUID doctor = UUID.randomUUID();
        TestAppointment late = foldHistory(TestAppointment.booked(doctor, UUID.randomUUID(), startIn(month, 5),
                "500.00"), CONFIRMED);
        monthClose.closeOnce(month);
        assertThat(report(doctor, month).figures().earnings()).isEqualByComparingTo("0");

        fold(late.with(COMPLETED), 3);

        MonthlyReport corrected = report(doctor, month);
        assertThat(corrected.isFinal()).isTrue();
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.figures().completed()).isEqualTo(1);
        assertThat(corrected.figures().earnings()).isEqualByComparingTo("500.00");
        assertThat(publishedReports(doctor, month)).hasSize(2);
        ConsumerRecord<String, String> record = EventContract.awaitRecord(TOPIC,
                r -> (doctor + ":" + month).equals(r.key())
                        && EventContract.envelope(r).get("sequence").asLong() == 2, ARRIVAL);
        EventContract.assertMatchesContract(record, SCHEMA);
        assertThat(EventContract.envelope(record).get("data").get("earnings").asString()).isEqualTo("500.00");

        // a new appointment of the closed month booked late, then moved within it: one more correction only
        TestAppointment another = fold(TestAppointment.booked(doctor, UUID.randomUUID(), startIn(month, 6),
                "400.00"), 1);
        fold(another.movedTo(startIn(month, 7)), 2);
        assertThat(report(doctor, month).version()).isEqualTo(3);
        assertThat(publishedReports(doctor, month)).hasSize(3);
    }

    @Test
    void anAppointmentMovedOutOfAClosedMonthCorrectsItAndTheOpenMonthStaysOpen() {
        YearMonth closed = ownPastMonth();
        UUID doctor = UUID.randomUUID();
        TestAppointment booked = fold(TestAppointment.booked(doctor, UUID.randomUUID(), startIn(closed, 20),
                "500.00"), 1);
        monthClose.closeOnce(closed);

        fold(booked.movedTo("2031-03-10T10:00:00+06:00"), 2);

        assertThat(report(doctor, closed).figures().totalAppointments()).isZero();
        assertThat(report(doctor, closed).version()).isEqualTo(2);
        MonthlyReport open = report(doctor, YearMonth.of(2031, 3));
        assertThat(open.isFinal()).isFalse();
        assertThat(open.figures().pending()).isEqualTo(1);
        assertThat(publishedReports(doctor, YearMonth.of(2031, 3))).isEmpty();
    }
}
