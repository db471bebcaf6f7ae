package org.careslot.platform.benchmark;

import java.util.List;
import java.util.Map;

/** Everything one run measured, with the settings it ran under; written as summary.json and report.html. */
public record Summary(Map<String, Object> settings, List<ScenarioResult> scenarios, List<EventLag.Result> eventLag,
                      List<EventLag.Result> eventLagUnloaded, LoginComparison.Result login, ProcessMemory.Peak memory,
                      List<Target> targets) {

    /** One of the targets for this 2-core machine, and whether this run met it. */
    public record Target(String what, String goal, double measured, String unit, boolean met) {
    }
}
