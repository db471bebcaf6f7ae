package org.careslot.platform.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioCpuTest {

    @Test
    void cpuOfTheWindowIsPerProcessPerSuccessAndInCoresMostFirst() {
        Map<String, Double> atEndOfWarmUp = Map.of("gateway", 10.0, "postgres", 5.0, "zipkin", 1.0, "stopped", 3.0);
        Map<String, Double> atEnd = Map.of("gateway", 11.0, "postgres", 7.5, "zipkin", 1.0, "started", 9.0);

        ScenarioCpu cpu = ScenarioCpu.between(atEndOfWarmUp, atEnd, 2.0, 100);

        assertThat(cpu.byProcess().keySet()).as("most first; a process not in both snapshots is left out")
                .containsExactly("postgres", "gateway", "zipkin");
        assertThat(cpu.byProcess().get("postgres")).isEqualTo(new ScenarioCpu.Use(2.5, 25.0));
        assertThat(cpu.byProcess().get("gateway")).isEqualTo(new ScenarioCpu.Use(1.0, 10.0));
        assertThat(cpu.byProcess().get("zipkin")).isEqualTo(new ScenarioCpu.Use(0.0, 0.0));
        assertThat(cpu.cpuSecondsTotal()).isEqualTo(3.5);
        assertThat(cpu.msPerSuccessTotal()).isEqualTo(35.0);
        assertThat(cpu.coresUsed()).isEqualTo(1.75);
        assertThat(cpu.windowSeconds()).isEqualTo(2.0);
        assertThat(cpu.sharePercent(cpu.byProcess().get("gateway"))).isEqualTo(28.57);
        assertThat(cpu.describe("booking", 2)).isEqualTo(
                "35.0 ms/booking = 1.75 cores: postgres 25.0, gateway 10.0, 1 other 0.0");
    }

    @Test
    void aCountThatWentDownCountsNothingAndNoSuccessIsNoRatio() {
        ScenarioCpu cpu = ScenarioCpu.between(Map.of("gateway", 10.0, "kafka", 2.0),
                Map.of("gateway", 4.0, "kafka", 3.0), 0.5, 0);

        assertThat(cpu.byProcess().get("gateway").cpuSeconds()).isZero();
        assertThat(cpu.cpuSecondsTotal()).isEqualTo(1.0);
        assertThat(cpu.coresUsed()).isEqualTo(2.0);
        assertThat(cpu.msPerSuccessTotal()).isZero();
        assertThat(cpu.byProcess().get("kafka").msPerSuccess()).isZero();
    }
}
