package org.careslot.platform.benchmark;

/**
 * One second of a scenario: how many requests succeeded (and how many were conflicts or errors) and the latency of
 * the successful ones. {@code warmUp} seconds are charted but excluded from every summary figure.
 */
public record TimelinePoint(int second, boolean warmUp, long ok, long conflicts, long errors, double p50Ms,
                            double p99Ms, double maxMs) {
}
