package org.careslot.platform.messaging.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutgoingEventTest {

    record Thing(String thingId) {
    }

    @Test
    void acceptsAWellFormedEvent() {
        OutgoingEvent event = new OutgoingEvent("booking.appointment.v1", "a-1", "appointment.booked", 0, null,
                Map.of("appointment_id", "a-1"));

        assertThat(event.sequence()).isZero();
        assertThat(event.dataschema()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void requiresATopicAnAggregateIdAndAType(String blank) {
        assertThatThrownBy(() -> new OutgoingEvent(blank, "a-1", "appointment.booked", 1, null, new Thing("a-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("topic must not be blank");
        assertThatThrownBy(() -> new OutgoingEvent("t.v1", blank, "appointment.booked", 1, null, new Thing("a-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("aggregateId must not be blank");
        assertThatThrownBy(() -> new OutgoingEvent("t.v1", "a-1", blank, 1, null, new Thing("a-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("type must not be blank");
    }

    @Test
    void requiresData() {
        assertThatThrownBy(() -> new OutgoingEvent("t.v1", "a-1", "appointment.booked", 1, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("data");
    }

    @Test
    void refusesDataThatIsAlreadyJsonText() {
        // it would travel as a JSON string inside the envelope, not as the aggregate's state
        assertThatThrownBy(() -> new OutgoingEvent("t.v1", "a-1", "appointment.booked", 1, null, "{\"id\":\"a-1\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON string");
        assertThatThrownBy(() -> new OutgoingEvent("t.v1", "a-1", "appointment.booked", 1, null,
                new StringBuilder("{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeSequences() {
        assertThatThrownBy(() -> new OutgoingEvent("t.v1", "a-1", "appointment.booked", -1, null, new Thing("a-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence must not be negative: -1");
    }
}
