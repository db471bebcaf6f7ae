package org.careslot.platform.messaging.consume;

import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterSerializerTest {

    record Parsed(String doctorId) {
    }

    @Test
    void writesValuesBackAsTheyWereConsumed() {
        DeadLetterSerializer serializer = new DeadLetterSerializer();
        byte[] raw = {0, (byte) 0xff, 42};

        assertThat(serializer.serialize("t.dlt", null)).isNull();
        assertThat(serializer.serialize("t.dlt", raw)).isSameAs(raw);
        assertThat(serializer.serialize("t.dlt", Bytes.wrap(raw))).isEqualTo(raw);
        assertThat(serializer.serialize("t.dlt", "grüße")).isEqualTo("grüße".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(serializer.serialize("t.dlt", new Parsed("d-1")), StandardCharsets.UTF_8))
                .isEqualTo("{\"doctor_id\":\"d-1\"}");
    }
}
