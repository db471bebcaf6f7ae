package org.careslot.platform.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records the outcome of every request of one scenario from many threads: the latency of successes in an
 * HdrHistogram {@link Recorder}, conflicts and errors as counters. {@link #tick} (once a second, from one thread) closes
 * a second of the timeline; seconds before {@link #startMeasuring} are warm-up and are left out of the totals.
 */
public final class ScenarioRecorder {

    private final Recorder latencies = new Recorder(1, 600_000_000L, 3);
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
    private final Histogram measured = LatencySummary.newHistogram();
    private final List<TimelinePoint> timeline = new ArrayList<>();
    private Histogram interval;
    private volatile boolean measuring;
    private long measuredConflicts;
    private long measuredErrors;
    private final Map<String, Long> measuredErrorsByKind = new TreeMap<>();
    private long measureStartNanos;
    private long measureEndNanos;

    public void success(long micros) {
        latencies.recordValue(Math.max(1, Math.min(micros, 600_000_000L)));
    }

    public void conflict() {
        conflicts.increment();
    }

    /** A failed request; {@code kind} is e.g. the HTTP status or the exception's class. */
    public void error(String kind) {
        errors.increment();
        errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Ends warm-up: what was recorded so far is charted as warm-up only. */
    public synchronized void startMeasuring(long nanoTime) {
        tick();
        measuring = true;
        measureStartNanos = nanoTime;
        errorsByKind.clear();
    }

    public synchronized void stopMeasuring(long nanoTime) {
        tick();
        measuring = false;
        measureEndNanos = nanoTime;
    }

    /** Closes the current second of the timeline. */
    public synchronized void tick() {
        interval = latencies.getIntervalHistogram(interval);
        long c = conflicts.sumThenReset();
        long e = errors.sumThenReset();
        boolean warmUp = !measuring;
        if (!warmUp) {
            measured.add(interval);
            measuredConflicts += c;
            measuredErrors += e;
        }
        if (interval.getTotalCount() == 0 && c == 0 && e == 0 && timeline.isEmpty()) {
            return;
        }
        timeline.add(new TimelinePoint(timeline.size(), warmUp, interval.getTotalCount(), c, e,
                interval.getTotalCount() == 0 ? 0 : LatencySummary.ms(interval.getValueAtPercentile(50)),
                interval.getTotalCount() == 0 ? 0 : LatencySummary.ms(interval.getValueAtPercentile(99)),
                interval.getTotalCount() == 0 ? 0 : LatencySummary.ms(interval.getMaxValue())));
    }

    public synchronized ScenarioResult result(String name, Map<String, Object> settings) {
        double seconds = (measureEndNanos - measureStartNanos) / 1e9;
        errorsByKind.forEach((kind, count) -> measuredErrorsByKind.merge(kind, count.sum(), Long::sum));
        return new ScenarioResult(name, settings, LatencySummary.round(seconds), LatencySummary.of(measured, seconds),
                measuredConflicts, measuredErrors, Map.copyOf(measuredErrorsByKind), List.copyOf(timeline));
    }
}
