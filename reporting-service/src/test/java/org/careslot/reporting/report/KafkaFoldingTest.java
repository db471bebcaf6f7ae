package org.careslot.reporting.report;

import io.micrometer.core.instrument.MeterRegistry;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.reporting.report.domain.MonthlyFigures;
import org.careslot.reporting.support.AppointmentStream;
import org.careslot.reporting.support.ReportingIntegrationTest;
import org.careslot.reporting.support.TestAppointment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.COMPLETED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.CONFIRMED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.PENDING;

/** booking.appointment.v1 and doctor.profile.v1 as they arrive from Kafka, through the platform's consumer template. */
class KafkaFoldingTest extends ReportingIntegrationTest {

    static final YearMonth MONTH = YearMonth.of(2033, 3);
    static final Duration SOON = Duration.ofSeconds(20);

    @Autowired
    MeterRegistry meters;

    MonthlyFigures awaitFigures(UUID doctor, MonthlyFigures expected) {
        await().atMost(SOON).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                return figures(doctor, MONTH).equals(expected);
            } catch (RuntimeException unknownYet) {
                return false;
            }
        });
        return figures(doctor, MONTH);
    }

    @Test
    void bookedConfirmedAndCompletedShowInTheDoctorsReportWithinSeconds() {
        UUID doctor = UUID.randomUUID();
        UpstreamEvents.publishDoctor(doctor, doctorData(doctor), 1);
        TestAppointment booked = TestAppointment.booked(doctor, UUID.randomUUID(), "2033-03-10T10:00:00+06:00",
                "750.00");
        AppointmentStream.publish("appointment.booked", booked, 1);
        AppointmentStream.publish("appointment.confirmed", booked.with(CONFIRMED), 2);
        Instant completedAt = Instant.now();
        AppointmentStream.publish("appointment.completed", booked.with(COMPLETED), 3);

        awaitFigures(doctor, figures(1, 0, 0, 1, 0, 0, 1, "750.00"));

        assertThat(Duration.between(completedAt, Instant.now())).isLessThan(Duration.ofSeconds(5));
        await().atMost(SOON).until(() -> "Dr. Kafka".equals(jdbc.queryForList(
                "SELECT full_name FROM doctor WHERE id = ?", String.class, doctor).stream().findFirst().orElse(null)));
    }

    @Test
    void redeliveredAndOvertakenEventsAreNotFoldedAgain() {
        UUID doctor = UUID.randomUUID();
        TestAppointment booked = TestAppointment.booked(doctor, UUID.randomUUID(), "2033-03-11T10:00:00+06:00",
                "500.00");
        AppointmentStream.publish("appointment.booked", booked, 1);
        UpstreamEvents.Sent confirmed = AppointmentStream.publish("appointment.confirmed", booked.with(CONFIRMED), 2);
        awaitFigures(doctor, figures(1, 0, 1, 0, 0, 0, 1, "0.00"));
        long folds = meters.timer(MonthlyReports.LAG_TIMER).count();

        UpstreamEvents.send(confirmed);                                  // redelivered: same event id
        AppointmentStream.publish("appointment.booked", booked, 1);      // overtaken: an older version
        AppointmentStream.publish("appointment.completed", booked.with(COMPLETED), 3);

        // the same key, so the same partition: the first two were handled before the third
        awaitFigures(doctor, figures(1, 0, 0, 1, 0, 0, 1, "500.00"));
        assertThat(meters.timer(MonthlyReports.LAG_TIMER).count()).as("folds").isEqualTo(folds + 1);
    }

    @Test
    void anEventThatBreaksTheContractIsDeadLetteredAndTheNextOneIsFolded() {
        UUID doctor = UUID.randomUUID();
        TestAppointment broken = new TestAppointment(UUID.randomUUID(), doctor, UUID.randomUUID(),
                OffsetDateTime.parse("2033-03-12T10:00:00+06:00"), "Mars/Olympus",
                PENDING, "500.00");
        UpstreamEvents.publishUnchecked(AppointmentStream.BOOKING_APPOINTMENTS, "appointment.booked",
                broken.id().toString(), 1, broken.data());
        TestAppointment fine = TestAppointment.booked(doctor, UUID.randomUUID(), "2033-03-12T11:00:00+06:00",
                "500.00");
        AppointmentStream.publish("appointment.booked", fine, 1);

        awaitFigures(doctor, figures(1, 1, 0, 0, 0, 0, 1, "0.00"));
        EventContract.awaitRecord("booking.appointment.v1.dlt", r -> broken.id().toString().equals(r.key()), SOON);
    }

    /** doctor.profile.v1 data as doctor-service publishes it (docs/schemas/doctor.profile.v1/doctor.json). */
    static Map<String, Object> doctorData(UUID id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("full_name", "Dr. Kafka");
        data.put("specialization", "CARDIOLOGY");
        data.put("license_number", "LIC-" + id.toString().substring(0, 8));
        data.put("experience_years", 10);
        data.put("consultation_fee", "750.00");
        data.put("qualification", "MBBS");
        data.put("bio", null);
        data.put("division_id", 3);
        data.put("district_id", 26);
        data.put("thana_id", 201);
        data.put("time_zone", "Asia/Dhaka");
        data.put("is_active", true);
        data.put("time_slots", List.of());
        data.put("time_off", List.of());
        data.put("created_at", Instant.now().toString());
        data.put("updated_at", Instant.now().toString());
        return data;
    }
}
