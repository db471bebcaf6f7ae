package org.careslot.platform.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The targets of the benchmark issue (2-core machine, whole stack on it), checked against one run's figures. */
final class Targets {

    private Targets() {
    }

    static List<Summary.Target> check(List<ScenarioResult> scenarios, List<EventLag.Result> lag,
                                      LoginComparison.Result login, ProcessMemory.Peak memory) {
        List<Summary.Target> targets = new ArrayList<>();
        for (ScenarioResult s : scenarios) {
            Object connections = s.settings().get("connections");
            if (s.name().startsWith("booking") && Integer.valueOf(16).equals(connections)) {
                targets.add(atLeast("bookings/s at 16 connections", 1000, s.ok().perSecond(), "/s"));
                targets.add(atMost("booking p99 at 16 connections", 100, s.ok().p99Ms(), "ms"));
            } else if (s.name().equals("doctor search")) {
                targets.add(atLeast("doctor searches/s", 2000, s.ok().perSecond(), "/s"));
            } else if (s.name().equals("availability")) {
                targets.add(atLeast("availability reads/s", 1500, s.ok().perSecond(), "/s"));
            }
        }
        for (EventLag.Result r : lag) {
            targets.add(atMost("event lag p99, " + r.consumer(), 500, r.lag().p99Ms(), "ms"));
        }
        if (login != null) {
            targets.add(atMost("login overhead of the gateway over Keycloak (mean)", 10, login.overheadPercentMean(),
                    "%"));
        }
        if (memory != null && memory.samples() > 0) {
            // PSS: the sum of RSS counts PostgreSQL's shared buffers once per backend (2 GB "RSS" for 200 MB PSS)
            targets.add(atMost("whole stack memory, PSS (peak)", 2560, memory.totalPssMb(), "MB"));
        }
        return targets;
    }

    private static Summary.Target atLeast(String what, double goal, double measured, String unit) {
        return new Summary.Target(what, "≥ " + fmt(goal) + " " + unit, measured, unit, measured >= goal);
    }

    private static Summary.Target atMost(String what, double goal, double measured, String unit) {
        return new Summary.Target(what, "≤ " + fmt(goal) + " " + unit, measured, unit, measured <= goal);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
