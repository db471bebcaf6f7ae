package org.careslot.platform.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void defaultsAreTheIssuesDataSet() {
        Options options = Options.parse(new String[0], Path.of("/repo"));

        assertThat(options.doctors()).isEqualTo(200);
        assertThat(options.patients()).isEqualTo(2000);
        assertThat(options.bookingConnections()).containsExactly(16, 64);
        assertThat(options.synchronousCommit()).as("on for a started stack, unchanged when attached").isNull();
        assertThat(options.output()).isEqualTo(Path.of("/repo/target/benchmark"));
        assertThat(options.attach()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        Options options = Options.parse(new String[] {"--attach", "--doctors", "20", "--patients", "50",
                "--connections", "8, 32", "--duration", "10", "--warm-up", "5", "--scenarios", "booking,login",
                "--synchronous-commit", "off", "--label", "C2 + G1"}, Path.of("/repo"));

        assertThat(options.attach()).isTrue();
        assertThat(options.doctors()).isEqualTo(20);
        assertThat(options.patients()).isEqualTo(50);
        assertThat(options.bookingConnections()).isEqualTo(List.of(8, 32));
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.scenarios()).containsExactlyInAnyOrder("booking", "login");
        assertThat(options.synchronousCommit()).isEqualTo("off");
        assertThat(options.label()).isEqualTo("C2 + G1");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--fast"}, Path.of("/repo")))
                .hasMessageContaining("unknown option --fast").hasMessageContaining("usage: ./benchmark.sh");
    }

    @Test
    void theBookingIdIsTakenFromThe201Body() {
        assertThat(BookingScenario.idOf("{\"id\":\"0b9c\",\"doctor_id\":\"d\"}")).isEqualTo("0b9c");
        assertThat(BookingScenario.idOf("{\"id\" : \"0b9c\"}")).isEqualTo("0b9c");
    }
}
