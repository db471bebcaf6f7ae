package org.careslot.platform.benchmark;

import org.HdrHistogram.Histogram;

/**
 * Latencies of one measured run, in milliseconds, and the rate of the recorded outcome per second of measurement.
 * Histograms hold microseconds.
 */
public record LatencySummary(long count, double perSecond, double p50Ms, double p95Ms, double p99Ms, double p999Ms,
                             double maxMs, double meanMs) {

    public static LatencySummary of(Histogram micros, double measuredSeconds) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(micros.getTotalCount(),
                measuredSeconds > 0 ? round(micros.getTotalCount() / measuredSeconds) : 0,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), round(micros.getMean() / 1000.0));
    }

    /** A histogram fit for request latencies: 1 µs to 10 minutes, 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(1, 600_000_000L, 3);
    }

    static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
