package org.careslot.booking.doctor;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.envelope.EventJson;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.Sent;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * doctor.profile.v1 and identity.user.v1 consumed as they arrive in production: redelivered and out-of-order events
 * are normal and must be applied at most once and never backwards.
 */
class UpstreamEventsTest extends BookingIntegrationTest {

    /** Awaits the handling of an event (whatever the outcome: applied, skipped as redelivered or as older). */
    void awaitProcessed(Sent event) {
        await().atMost(ARRIVAL).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, event.id()) == 1);
    }

    List<String> starts(UUID doctor, LocalDate date) {
        Answer answer = http.get("/api/v1/doctors/" + doctor + "/availability/?date=" + date, null);
        List<String> starts = new ArrayList<>();
        if (answer.status() == 200) {
            answer.json().get("slots").forEach(slot -> starts.add(slot.get("start_time").asString()));
        }
        return starts;
    }

    Map<String, Object> doctorRow(UUID id) {
        return jdbc.queryForMap("""
                SELECT consultation_fee::text AS fee, sequence, is_active, updated_at FROM doctor WHERE id = ?""", id);
    }

    static Sent publishDoctor(DoctorProfile doctor, long sequence) {
        return UpstreamEvents.publishDoctor(doctor.id(), doctor.data(), sequence);
    }

    @Test
    void staleAndRedeliveredDoctorEventsAreIgnored() {
        LocalDate date = daysAhead(3);
        DoctorProfile doctor = DoctorProfile.random().fee("500.00").everyDay("09:00", "10:00", 30);
        publish(doctor, 1);
        assertThat(starts(doctor.id(), date)).containsExactly("09:00", "09:30");

        Sent third = publishDoctor(doctor.fee("700.00").clearSlots().everyDay("09:00", "11:00", 30), 3);
        awaitDoctor(doctor.id(), 3);
        Object appliedAt = doctorRow(doctor.id()).get("updated_at");
        Sent second = publishDoctor(doctor.fee("600.00").clearSlots().everyDay("14:00", "15:00", 30), 2);
        awaitProcessed(second);
        assertThat(doctorRow(doctor.id())).containsEntry("fee", "700.00").containsEntry("sequence", 3L);
        assertThat(starts(doctor.id(), date)).as("the schedule of version 3 stays")
                .containsExactly("09:00", "09:30", "10:00", "10:30");

        // the same event delivered again (same id) is skipped, a copy with a new id is stale by its sequence: neither
        // is stored again (the service's clock moved on, so a second store would show in updated_at)
        clock.setTo(clock.instant().plusSeconds(3600));
        UpstreamEvents.send(third);
        Sent sameSequence = publishDoctor(doctor.fee("800.00"), 3);
        awaitProcessed(sameSequence);
        assertThat(doctorRow(doctor.id())).containsEntry("fee", "700.00").containsEntry("sequence", 3L)
                .containsEntry("updated_at", appliedAt);

        // a newer deactivation applies: no availability, no booking
        publish(doctor.active(false), 4);
        assertThat(http.get("/api/v1/doctors/" + doctor.id() + "/availability/?date=" + date, null).status())
                .isEqualTo(404);
    }

    @Test
    void staleUserEventsAreIgnored() {
        UUID id = UUID.randomUUID();
        User user = User.of(id, "PATIENT");
        UpstreamEvents.publishUser("user.deactivated", user.withActive(false), 2);
        awaitUser(id, 2);
        Sent older = UpstreamEvents.publishUser("user.registered", user, 1);
        awaitProcessed(older);

        assertThat(jdbc.queryForMap("SELECT role, is_active, sequence FROM app_user WHERE id = ?", id))
                .containsEntry("role", "PATIENT").containsEntry("is_active", false).containsEntry("sequence", 2L);
        assertThat(jdbc.queryForMap("SELECT * FROM app_user WHERE id = ?", id))
                .as("nothing personal is kept").doesNotContainKeys("email", "full_name", "phone");
    }

    @Test
    void anEventThatBreaksTheContractIsDeadLetteredAndTheNextOneStillApplies() {
        UUID id = UUID.randomUUID();
        Map<String, Object> broken = DoctorProfile.of(id).everyDay("09:00", "10:00", 30).data();
        broken.put("time_zone", "Mars/Olympus_Mons");
        Sent bad = UpstreamEvents.publishUnchecked(UpstreamEvents.DOCTOR_PROFILES, "doctor.profile.updated",
                id.toString(), 1, broken);

        ConsumerRecord<String, String> dead = EventContract.awaitRecord(UpstreamEvents.DOCTOR_PROFILES.topic() + ".dlt",
                record -> record.value() != null && record.value().contains(bad.id().toString()), ARRIVAL);
        assertThat(dead.key()).isEqualTo(id.toString());

        publish(DoctorProfile.of(id).everyDay("09:00", "10:00", 30), 2);
        assertThat(starts(id, daysAhead(3))).containsExactly("09:00", "09:30");
    }
}
