package org.careslot.platform.testkit.examples;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.Sent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careslot.platform.testkit.events.UpstreamEvents.BOOKING_APPOINTMENTS;

/** The README's minimal consumer against a real broker, with events that follow the published schema. */
@RealInfrastructure(postgres = false)
class MinimalAppointmentConsumerTest {

    @Test
    void receivesEachNewVersionOfAnAppointmentOnceAndDropsARedelivery() {
        UpstreamEvents.ensureTopics(BOOKING_APPOINTMENTS);
        UUID appointment = UUID.randomUUID();
        Sent booked = UpstreamEvents.publish(BOOKING_APPOINTMENTS, "appointment.booked", appointment.toString(), 1,
                data(appointment, "PENDING"));
        UpstreamEvents.send(booked); // a redelivery: same event id and sequence
        UpstreamEvents.publish(BOOKING_APPOINTMENTS, "appointment.confirmed", appointment.toString(), 2,
                data(appointment, "CONFIRMED"));

        List<JsonNode> received = new ArrayList<>();
        try (var consumer = new MinimalAppointmentConsumer(System.getProperty("spring.kafka.bootstrap-servers"),
                "readme-example-" + UUID.randomUUID())) {
            // other tests of this JVM may have published appointments too: wait for ours only
            for (int poll = 0; poll < 120 && ours(received, appointment).size() < 2; poll++) {
                consumer.pollOnce(Duration.ofMillis(500), received::add);
            }
        }
        List<JsonNode> ours = ours(received, appointment);
        assertThat(ours).extracting(e -> e.path("type").asString())
                .containsExactly("appointment.booked", "appointment.confirmed");
        assertThat(ours).extracting(e -> e.path("data").path("status").asString())
                .containsExactly("PENDING", "CONFIRMED");
    }

    private static List<JsonNode> ours(List<JsonNode> received, UUID appointment) {
        return received.stream().filter(e -> e.path("subject").asString().equals(appointment.toString())).toList();
    }

    private static Map<String, Object> data(UUID appointment, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", appointment.toString());
        data.put("doctor_id", UUID.randomUUID().toString());
        data.put("patient_id", UUID.randomUUID().toString());
        data.put("starts_at", "2030-12-01T09:00:00+06:00");
        data.put("ends_at", "2030-12-01T09:20:00+06:00");
        data.put("time_zone", "Asia/Dhaka");
        data.put("status", status);
        data.put("consultation_fee", "800.00");
        data.put("notes", null);
        return data;
    }
}
