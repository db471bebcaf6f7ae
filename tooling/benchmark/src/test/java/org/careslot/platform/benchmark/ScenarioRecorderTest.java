package org.careslot.platform.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRecorderTest {

    @Test
    void warmUpIsChartedButLeftOutOfTheTotalsAndConflictsAreCountedApart() {
        ScenarioRecorder recorder = new ScenarioRecorder();
        recorder.success(900_000); // a slow warm-up request
        recorder.error("HTTP 502");
        recorder.startMeasuring(0);
        recorder.success(10_000);
        recorder.success(20_000);
        recorder.conflict();
        recorder.tick();
        recorder.success(30_000);
        recorder.error("HTTP 500");
        recorder.stopMeasuring(2_000_000_000L);

        ScenarioResult result = recorder.result("booking", Map.of("connections", 16));

        assertThat(result.ok().count()).isEqualTo(3);
        assertThat(result.ok().perSecond()).isEqualTo(1.5);
        assertThat(result.ok().maxMs()).isLessThan(31);
        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.errorsByKind()).containsExactly(Map.entry("HTTP 500", 1L));
        assertThat(result.timeline()).extracting(TimelinePoint::warmUp).containsExactly(true, false, false);
        assertThat(result.timeline()).extracting(TimelinePoint::ok).containsExactly(1L, 2L, 1L);
        assertThat(result.timeline().get(1).conflicts()).isEqualTo(1);
    }
}
