package org.careslot.platform.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CPU of one scenario's measured window went: per process of the stack (and the harness), the CPU seconds
 * used between the end of warm-up and the end of the window and the CPU milliseconds per success; in total, the cores
 * the whole machine's share of the stack kept busy. Processes are listed by CPU, most first.
 *
 * @param windowSeconds       wall time between the two snapshots
 * @param cpuSecondsTotal     sum over every process
 * @param coresUsed           {@code cpuSecondsTotal / windowSeconds}
 * @param msPerSuccessTotal   CPU milliseconds of the whole stack per success (0 when nothing succeeded)
 */
public record ScenarioCpu(double windowSeconds, double cpuSecondsTotal, double coresUsed, double msPerSuccessTotal,
                          Map<String, Use> byProcess) {

    /** One process (with its descendants) during the window. */
    public record Use(double cpuSeconds, double msPerSuccess) {
    }

    /**
     * The difference of two {@link ProcessCpu#snapshot snapshots}. A process missing from either (not started yet,
     * or gone) is left out rather than charged with its whole lifetime; a process whose count went down (it was
     * replaced under the same name, or a grandchild ended unreaped by the named process) counts 0.
     */
    static ScenarioCpu between(Map<String, Double> before, Map<String, Double> after, double windowSeconds,
                               long successes) {
        List<Map.Entry<String, Double>> used = new ArrayList<>();
        after.forEach((name, seconds) -> {
            Double start = before.get(name);
            if (start != null) {
                used.add(Map.entry(name, Math.max(0, seconds - start)));
            }
        });
        used.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        Map<String, Use> byProcess = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : used) {
            total += e.getValue();
            byProcess.put(e.getKey(), new Use(LatencySummary.round(e.getValue()), perSuccess(e.getValue(), successes)));
        }
        return new ScenarioCpu(LatencySummary.round(windowSeconds), LatencySummary.round(total),
                windowSeconds > 0 ? LatencySummary.round(total / windowSeconds) : 0, perSuccess(total, successes),
                byProcess);
    }

    private static double perSuccess(double cpuSeconds, long successes) {
        return successes > 0 ? LatencySummary.round(cpuSeconds * 1000 / successes) : 0;
    }

    /** Percentage of the total CPU that one process used. */
    double sharePercent(Use use) {
        return cpuSecondsTotal > 0 ? LatencySummary.round(100 * use.cpuSeconds() / cpuSecondsTotal) : 0;
    }

    /**
     * "27.6 ms/booking = 2.0 cores: booking-service 5.5, gateway 5.0, ..., 3 others 0.4": the {@code top} processes
     * by CPU, milliseconds per success ({@code per} names the success).
     */
    String describe(String per, int top) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.1f ms/%s = %.2f cores:",
                msPerSuccessTotal, per, coresUsed));
        int shown = 0;
        double rest = 0;
        for (Map.Entry<String, Use> e : byProcess.entrySet()) {
            if (shown < top) {
                text.append(shown == 0 ? " " : ", ").append(e.getKey())
                        .append(String.format(Locale.ROOT, " %.1f", e.getValue().msPerSuccess()));
                shown++;
            } else {
                rest += e.getValue().msPerSuccess();
            }
        }
        int others = byProcess.size() - shown;
        if (others > 0) {
            text.append(String.format(Locale.ROOT, ", %d other%s %.1f", others, others == 1 ? "" : "s", rest));
        }
        return text.toString();
    }
}
