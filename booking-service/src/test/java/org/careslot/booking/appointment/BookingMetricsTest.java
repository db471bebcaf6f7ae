package org.careslot.booking.appointment;

import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.metrics.PrometheusScrape;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The business metrics operators scrape, read from {@code /actuator/prometheus} over HTTP after real requests: bookings
 * by outcome, slot conflicts, appointment transitions, and the platform's outbox relay, backlog and Kafka consumer
 * figures as this service exposes them.
 */
class BookingMetricsTest extends BookingIntegrationTest {

    static final String TOPIC = "booking.appointment.v1";

    PrometheusScrape scrape() {
        return PrometheusScrape.of(http);
    }

    @Test
    void bookingsConflictsAndTransitionsAreCountedByOutcome() {
        Actor doctor = Actor.doctor();
        Actor patient = Actor.patient();
        Actor otherPatient = Actor.patient();
        publish(DoctorProfile.of(doctor.id()).everyDay("09:00", "17:00", 30), 1);
        LocalDate day = daysAhead(3);
        PrometheusScrape before = scrape();

        String id = book(patient, doctor.id(), day, "10:00").text("id");
        assertThat(http.post("/api/v1/appointments/", booking(doctor.id(), day, "10:00"), otherPatient.token())
                .status()).isEqualTo(409);
        assertThat(http.post("/api/v1/appointments/", booking(UUID.randomUUID(), day, "10:00"), patient.token())
                .status()).isEqualTo(400);
        assertThat(http.post("/api/v1/appointments/", booking(doctor.id(), day, "11:00"), doctor.token())
                .status()).isEqualTo(403);
        assertThat(http.post("/api/v1/appointments/" + id + "/confirm/", null, doctor.token()).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/appointments/" + id + "/cancel/", null, patient.token()).status()).isEqualTo(200);

        PrometheusScrape after = scrape();
        for (String outcome : new String[]{"booked", "conflict", "invalid", "forbidden"}) {
            assertThat(after.require("careslot_bookings_total", "outcome", outcome, "application", "booking-service"))
                    .as(outcome).isEqualTo(before.require("careslot_bookings_total", "outcome", outcome) + 1);
        }
        assertThat(after.require("careslot_slot_conflicts_total", "action", "book", "party", "doctor"))
                .isEqualTo(before.require("careslot_slot_conflicts_total", "action", "book", "party", "doctor") + 1);
        assertThat(after.require("careslot_slot_conflicts_total", "action", "book", "party", "patient"))
                .isEqualTo(before.require("careslot_slot_conflicts_total", "action", "book", "party", "patient"));
        for (String action : new String[]{"confirm", "cancel"}) {
            assertThat(after.require("careslot_appointment_transitions_total", "action", action)).as(action)
                    .isEqualTo(before.require("careslot_appointment_transitions_total", "action", action) + 1);
        }
        assertThat(after.require("careslot_appointment_transitions_total", "action", "complete"))
                .isEqualTo(before.require("careslot_appointment_transitions_total", "action", "complete"));
        // tags are fixed vocabularies: no id of the appointment, the doctor or a patient appears in any sample
        assertThat(after.text()).doesNotContain(id, doctor.id().toString(), patient.id().toString());
    }

    @Test
    void theOutboxRelayTimesEachEventFromCommitToKafkaAndTheBacklogDrains() {
        Actor doctor = Actor.doctor();
        Actor patient = Actor.patient();
        publish(DoctorProfile.of(doctor.id()).everyDay("09:00", "17:00", 30), 1);
        double timedBefore = scrape().value("careslot_outbox_relay_lag_seconds_count", "topic", TOPIC).orElse(0);

        book(patient, doctor.id(), daysAhead(4), "09:30");

        await().atMost(ARRIVAL).until(() -> scrape().value("careslot_outbox_relay_lag_seconds_count", "topic", TOPIC)
                .orElse(0) >= timedBefore + 1);
        PrometheusScrape relayed = scrape();
        assertThat(relayed.require("careslot_outbox_relay_published_total", "topic", TOPIC)).isPositive();
        assertThat(relayed.require("careslot_outbox_relay_lag_seconds_max", "topic", TOPIC)).isNotNegative();
        await().atMost(ARRIVAL).until(() -> scrape().require("careslot_outbox_backlog_rows",
                "application", "booking-service") == 0.0);
    }

    @Test
    void kafkaConsumerLagOfTheListenersIsExposed() {
        Actor doctor = Actor.doctor();
        publish(DoctorProfile.of(doctor.id()).everyDay("09:00", "17:00", 30), 1);

        // Kafka's own fetch-manager metric through Boot's Micrometer listener on the listeners' consumer factory.
        // Per-partition metrics exist once partitions are assigned, and Micrometer's KafkaClientMetrics binds new
        // ones on its refresh, every 60 s: the series can take a minute to appear
        await().atMost(Duration.ofSeconds(100)).until(() -> scrape().samples("kafka_consumer_fetch_manager_records_lag_max").stream()
                .anyMatch(sample -> "doctor.profile.v1".equals(sample.labels().get("topic"))
                        && sample.value() >= 0));
    }
}
