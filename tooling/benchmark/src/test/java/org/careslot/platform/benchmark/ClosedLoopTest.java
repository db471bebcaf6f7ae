package org.careslot.platform.benchmark;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedLoopTest {

    @Test
    void theCpuIsSnapshotAtTheEndOfWarmUpAndOfTheWindowAndChargedToTheWindowsSuccesses() {
        List<Map<String, Double>> snapshots = new ArrayList<>(List.of(Map.of("gateway", 4.0), Map.of("gateway", 6.0)));
        List<String> taken = new ArrayList<>();

        ScenarioResult result = ClosedLoop.run("booking", 2, Duration.ofMillis(300), Duration.ofMillis(700),
                Map.of("connections", 2), () -> {
                    taken.add(Thread.currentThread().getName());
                    return snapshots.removeFirst();
                }, (worker, recorder) -> {
                    Thread.sleep(5);
                    recorder.success(5_000);
                });

        assertThat(taken).hasSize(2);
        assertThat(result.ok().count()).isPositive();
        ScenarioCpu cpu = result.cpu();
        assertThat(cpu.cpuSecondsTotal()).isEqualTo(2.0);
        assertThat(cpu.windowSeconds()).isPositive();
        assertThat(cpu.byProcess().get("gateway").msPerSuccess())
                .isEqualTo(LatencySummary.round(2000.0 / result.ok().count()));
    }

    @Test
    void withoutASnapshotFunctionThereIsNoCpu() {
        ScenarioResult result = ClosedLoop.run("doctor search", 1, Duration.ZERO, Duration.ofMillis(200),
                Map.of("connections", 1), null, (worker, recorder) -> {
                    Thread.sleep(5);
                    recorder.success(5_000);
                });

        assertThat(result.cpu()).isNull();
    }
}
