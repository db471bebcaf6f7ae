package org.careslot.platform.messaging.envelope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeTest {

    record Appointment(UUID appointmentId, String doctorId, LocalDate day, Instant bookedAt) {
    }

    static final UUID ID = UUID.fromString("7f1d0c2e-59a4-4f6b-9f0e-2f4f1c9a3b10");
    static final UUID APPOINTMENT = UUID.fromString("0c8a6e1d-1111-4222-8333-944455556666");
    static final Instant TIME = Instant.parse("2026-03-01T10:15:30.123Z");

    static EventEnvelope sample(String traceparent) {
        Appointment data = new Appointment(APPOINTMENT, "doc-7", LocalDate.of(2026, 3, 2),
                Instant.parse("2026-03-01T10:15:30Z"));
        return EventEnvelope.create(ID, "/booking-service", "appointment.booked", APPOINTMENT.toString(), TIME,
                "urn:careslot:booking:appointment:1", 3, traceparent, EventJson.toTree(data));
    }

    @Test
    void writesACloudEventsEnvelopeWithSnakeCaseDataInContractOrder() {
        String json = sample("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").toJson();

        assertThat(json).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"source\":\"/booking-service\","
                + "\"type\":\"appointment.booked\",\"subject\":\"" + APPOINTMENT + "\","
                + "\"time\":\"2026-03-01T10:15:30.123Z\",\"datacontenttype\":\"application/json\","
                + "\"dataschema\":\"urn:careslot:booking:appointment:1\",\"sequence\":3,"
                + "\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                + "\"data\":{\"appointment_id\":\"" + APPOINTMENT + "\",\"doctor_id\":\"doc-7\","
                + "\"day\":\"2026-03-02\",\"booked_at\":\"2026-03-01T10:15:30Z\"}}");
    }

    @Test
    void absentOptionalEnvelopeAttributesAreOmittedNotNull() {
        EventEnvelope envelope = EventEnvelope.create(ID, "/booking-service", "appointment.booked", "a-1", TIME,
                null, 1, null, EventJson.toTree(new Appointment(APPOINTMENT, "doc-7", null, null)));
        String json = envelope.toJson();

        JsonNode tree = EventJson.mapper().readTree(json);
        assertThat(tree.has("traceparent")).isFalse();
        assertThat(tree.has("dataschema")).isFalse();
        // data is the aggregate's full state: its empty fields stay, explicitly null
        assertThat(tree.get("data").get("day").isNull()).isTrue();
        assertThat(EventEnvelope.parse(json)).isEqualTo(envelope);
    }

    @Test
    void roundTripsThroughTextAndBytes() {
        EventEnvelope envelope = sample("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(EventEnvelope.parse(envelope.toJson())).isEqualTo(envelope);
        assertThat(EventEnvelope.parse(envelope.toJson().getBytes(StandardCharsets.UTF_8))).isEqualTo(envelope);
        assertThat(EventEnvelope.parse(envelope.toJson()).dataAs(Appointment.class))
                .isEqualTo(new Appointment(APPOINTMENT, "doc-7", LocalDate.of(2026, 3, 2),
                        Instant.parse("2026-03-01T10:15:30Z")));
    }

    @Test
    void readsNewerProducersAdditions() {
        String json = sample(null).toJson()
                .replace("\"sequence\":3,", "\"sequence\":3,\"partitionkey\":\"x\",")
                .replace("\"doctor_id\":\"doc-7\",", "\"doctor_id\":\"doc-7\",\"room\":\"B12\",");

        EventEnvelope envelope = EventEnvelope.parse(json);

        assertThat(envelope.sequence()).isEqualTo(3);
        assertThat(envelope.dataAs(Appointment.class).doctorId()).isEqualTo("doc-7");
        assertThat(envelope.data().get("room").asString()).isEqualTo("B12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"specversion\":", "[1,2]", "\"text\"", "42"})
    void rejectsWhatIsNotJsonOfAnEnvelope(String json) {
        assertThatThrownBy(() -> EventEnvelope.parse(json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not an event envelope");
    }

    @Test
    void rejectsTheJsonNull() {
        assertThatThrownBy(() -> EventEnvelope.parse("null"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("not an event envelope: empty document");
    }

    @Test
    void rejectsOtherSpecVersions() {
        String json = sample(null).toJson();

        assertThatThrownBy(() -> EventEnvelope.parse(json.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("unsupported specversion: 0.3");
        assertThatThrownBy(() -> EventEnvelope.parse(json.replace("\"specversion\":\"1.0\",", "")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("unsupported specversion: null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type"})
    void rejectsEnvelopesWithoutRequiredAttributes(String attribute) {
        JsonNode tree = EventJson.mapper().readTree(sample(null).toJson());
        ((tools.jackson.databind.node.ObjectNode) tree).remove(attribute);

        assertThatThrownBy(() -> EventEnvelope.parse(tree.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("envelope lacks id, source or type");
    }

    @Test
    void rejectsBlankSourceOrType() {
        String json = sample(null).toJson();

        assertThatThrownBy(() -> EventEnvelope.parse(json.replace("\"/booking-service\"", "\" \"")))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventEnvelope.parse(json.replace("\"appointment.booked\"", "\"\"")))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void rejectsEnvelopesWithoutData() {
        JsonNode tree = EventJson.mapper().readTree(sample(null).toJson());
        ((tools.jackson.databind.node.ObjectNode) tree).remove("data");
        String withoutData = tree.toString();
        String nullData = withoutData.substring(0, withoutData.length() - 1) + ",\"data\":null}";

        assertThatThrownBy(() -> EventEnvelope.parse(withoutData))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("envelope " + ID + " has no data");
        assertThatThrownBy(() -> EventEnvelope.parse(nullData))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("envelope " + ID + " has no data");
    }

    @Test
    void rejectsMalformedAttributeValues() {
        String json = sample(null).toJson();

        assertThatThrownBy(() -> EventEnvelope.parse(json.replace(ID.toString(), "not-a-uuid")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not an event envelope");
        assertThatThrownBy(() -> EventEnvelope.parse(json.replace("\"sequence\":3", "\"sequence\":\"three\"")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not an event envelope");
        assertThatThrownBy(() -> EventEnvelope.parse(json.replace("2026-03-01T10:15:30.123Z", "yesterday")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not an event envelope");
    }

    @Test
    void dataThatDoesNotFitTheTargetTypeIsAnInvalidEvent() {
        EventEnvelope envelope = EventEnvelope.parse(sample(null).toJson()
                .replace("\"day\":\"2026-03-02\"", "\"day\":\"second of March\""));

        assertThatThrownBy(() -> envelope.dataAs(Appointment.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("data does not match " + Appointment.class.getName());
    }
}
