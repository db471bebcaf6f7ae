package org.careslot.platform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Memory of every process of the stack, read from /proc: RSS (VmRSS) and PSS (smaps_rollup, shared pages divided
 * among their users, so PostgreSQL's backends do not count the shared buffers once each). A process counts together
 * with its descendants (PostgreSQL's backends, a shell's child). Sampled every few seconds while the scenarios run;
 * the budget of 2.5 GB is checked against the peak total PSS: summed RSS counts PostgreSQL's shared memory once per
 * backend.
 */
final class ProcessMemory implements AutoCloseable {

    /** One process (with its descendants): megabytes. */
    record Usage(long pid, int processes, double rssMb, double pssMb) {
    }

    /** The peak total and the processes at that moment. */
    record Peak(double totalRssMb, double totalPssMb, Map<String, Usage> byProcess, int samples) {
    }

    private final Supplier<Map<String, Long>> pids;
    private final Thread sampler;
    private volatile Peak peak = new Peak(0, 0, Map.of(), 0);
    private volatile boolean running = true;

    ProcessMemory(Supplier<Map<String, Long>> pids) {
        this.pids = pids;
        this.sampler = Thread.ofPlatform().daemon().name("benchmark-memory").start(this::sampleEvery2s);
    }

    Peak peak() {
        return peak;
    }

    private void sampleEvery2s() {
        int samples = 0;
        while (running) {
            Map<String, Usage> now = sample(pids.get());
            samples++;
            double rss = now.values().stream().mapToDouble(Usage::rssMb).sum();
            double pss = now.values().stream().mapToDouble(Usage::pssMb).sum();
            Peak last = peak;
            peak = pss > last.totalPssMb()
                    ? new Peak(LatencySummary.round(rss), LatencySummary.round(pss), now, samples)
                    : new Peak(last.totalRssMb(), last.totalPssMb(), last.byProcess(), samples);
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static Map<String, Usage> sample(Map<String, Long> pids) {
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (name.equals("local-stack")) {
                return; // the launcher itself: not part of the running system
            }
            List<Long> tree = Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream()
                    .flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)).toList();
            long rssKb = 0;
            long pssKb = 0;
            for (long member : tree) {
                rssKb += kilobytes(Path.of("/proc", Long.toString(member), "status"), "VmRSS:");
                pssKb += kilobytes(Path.of("/proc", Long.toString(member), "smaps_rollup"), "Pss:");
            }
            usage.put(name, new Usage(pid, tree.size(), LatencySummary.round(rssKb / 1024.0),
                    LatencySummary.round(pssKb / 1024.0)));
        });
        return usage;
    }

    static long kilobytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended, or /proc is not there (not Linux)
        }
        return 0;
    }

    /** The JVM (or other) options a process was started with: its command line up to the main class or jar. */
    static List<String> startOptions(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = List.of(new String(raw).split("\0"));
            return args.stream().skip(1).takeWhile(a -> a.startsWith("-") && !a.equals("-jar") && !a.equals("-cp"))
                    .filter(a -> !a.startsWith("-D") || a.startsWith("-Dspring.threads"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
