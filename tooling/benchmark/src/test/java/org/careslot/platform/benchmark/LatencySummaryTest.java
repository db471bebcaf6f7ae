package org.careslot.platform.benchmark;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTest {

    @Test
    void percentilesAreInMillisecondsAndTheRateIsPerMeasuredSecond() {
        Histogram micros = LatencySummary.newHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            micros.recordValue(ms * 1000L);
        }

        LatencySummary summary = LatencySummary.of(micros, 4.0);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.perSecond()).isEqualTo(25.0);
        assertThat(summary.p50Ms()).isCloseTo(50.0, within(0.1));
        assertThat(summary.p95Ms()).isCloseTo(95.0, within(0.1));
        assertThat(summary.p99Ms()).isCloseTo(99.0, within(0.1));
        assertThat(summary.maxMs()).isCloseTo(100.0, within(0.1));
        assertThat(summary.meanMs()).isCloseTo(50.5, within(0.1));
    }

    @Test
    void anEmptyRunIsAllZeros() {
        assertThat(LatencySummary.of(LatencySummary.newHistogram(), 10))
                .isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0));
    }
}
