package org.careslot.platform.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One scenario's figures: successes (rate and latency), conflicts and errors counted apart, the settings it ran with
 * and its per-second timeline (for the report's chart).
 */
public record ScenarioResult(String name, Map<String, Object> settings, double measuredSeconds,
                             LatencySummary ok, long conflicts, long errors, Map<String, Long> errorsByKind,
                             List<TimelinePoint> timeline) {
}
