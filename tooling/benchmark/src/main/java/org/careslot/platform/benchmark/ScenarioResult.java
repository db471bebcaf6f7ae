package org.careslot.platform.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One scenario's figures: successes (rate and latency), conflicts and errors counted apart, the settings it ran with,
 * its per-second timeline (for the report's chart) and where the CPU of its measured window went (null when not
 * measured).
 */
public record ScenarioResult(String name, Map<String, Object> settings, double measuredSeconds,
                             LatencySummary ok, long conflicts, long errors, Map<String, Long> errorsByKind,
                             List<TimelinePoint> timeline, ScenarioCpu cpu) {

    public ScenarioResult(String name, Map<String, Object> settings, double measuredSeconds, LatencySummary ok,
                          long conflicts, long errors, Map<String, Long> errorsByKind, List<TimelinePoint> timeline) {
        this(name, settings, measuredSeconds, ok, conflicts, errors, errorsByKind, timeline, null);
    }

    ScenarioResult withCpu(ScenarioCpu measuredCpu) {
        return new ScenarioResult(name, settings, measuredSeconds, ok, conflicts, errors, errorsByKind, timeline,
                measuredCpu);
    }
}
