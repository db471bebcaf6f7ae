package org.careslot.platform.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of every process of the stack, read from /proc/&lt;pid&gt;/stat: a snapshot is the CPU seconds each named
 * process and its descendants have used so far; two snapshots (end of warm-up, end of the measured window) give where
 * the CPU of a scenario went. A process counts with its live descendants (utime + stime of each) and, for the named
 * process itself, the children it already reaped (cutime + cstime): PostgreSQL's postmaster reaps every backend that
 * ended, and their time would otherwise vanish between two snapshots. A descendant that is itself a named process
 * (every process of the stack descends from the launcher) counts under its own name only. The harness counts as
 * {@value #HARNESS}: its own process only, not the stack it may have started.
 */
final class ProcessCpu {

    static final String HARNESS = "benchmark-harness";

    /** USER_HZ: the unit of the times in /proc/&lt;pid&gt;/stat. */
    static final double CLOCK_TICKS_PER_SECOND = clockTicksPerSecond();

    /** The parent and the CPU fields (clock ticks) of one /proc/&lt;pid&gt;/stat line. */
    record Stat(long ppid, long utime, long stime, long cutime, long cstime) {

        long own() {
            return utime + stime;
        }

        long reapedChildren() {
            return cutime + cstime;
        }
    }

    private ProcessCpu() {
    }

    /** Name → CPU seconds so far of every named process (with its descendants) and of the harness itself. */
    static Map<String, Double> snapshot(Map<String, Long> pids) {
        Map<Long, Stat> all = readAll();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Set<Long> named = new HashSet<>(pids.values());
        pids.forEach((name, pid) -> seconds.put(name, treeSeconds(pid, named, all)));
        Stat harness = all.get(ProcessHandle.current().pid());
        seconds.put(HARNESS, harness == null ? 0 : harness.own() / CLOCK_TICKS_PER_SECOND);
        return seconds;
    }

    /** {@link #treeSeconds(long, Collection, Map)} over the processes running now. */
    static double treeSeconds(long root, Collection<Long> otherRoots) {
        return treeSeconds(root, otherRoots, readAll());
    }

    /**
     * CPU seconds of {@code root}, its reaped children and its live descendants, leaving out the subtrees of the
     * processes in {@code otherRoots} (they are counted under their own name). 0 when the process is gone.
     */
    static double treeSeconds(long root, Collection<Long> otherRoots, Map<Long, Stat> all) {
        Stat rootStat = all.get(root);
        if (rootStat == null) {
            return 0;
        }
        Map<Long, List<Long>> children = new HashMap<>();
        all.forEach((pid, stat) -> children.computeIfAbsent(stat.ppid(), p -> new ArrayList<>()).add(pid));
        long total = rootStat.own() + rootStat.reapedChildren();
        Deque<Long> pending = new ArrayDeque<>(children.getOrDefault(root, List.of()));
        Set<Long> seen = new HashSet<>(Set.of(root)); // /proc is not read atomically: a reused pid could loop
        while (!pending.isEmpty()) {
            long member = pending.pop();
            if (otherRoots.contains(member) || !seen.add(member)) {
                continue;
            }
            total += all.get(member).own();
            pending.addAll(children.getOrDefault(member, List.of()));
        }
        return total / CLOCK_TICKS_PER_SECOND;
    }

    /**
     * Every process's /proc/&lt;pid&gt;/stat, read once per snapshot (one pass over /proc, not one per process of a
     * tree); empty when /proc is not there (not Linux). A process that ends while it is read is left out.
     */
    static Map<Long, Stat> readAll() {
        Map<Long, Stat> all = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    all.put(Long.parseLong(entry.getFileName().toString()),
                            parseStat(Files.readString(entry.resolve("stat"))));
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to count
        }
        return all;
    }

    /**
     * Fields 4 (ppid) and 14-17 (utime, stime, cutime, cstime) of a /proc/&lt;pid&gt;/stat line. The second field,
     * the command in parentheses, may itself hold spaces and parentheses ({@code 1234 (Web Content (x)) S 1 ...}):
     * the fields are counted from after the last ')'.
     */
    static Stat parseStat(String line) {
        int commEnd = line.lastIndexOf(')');
        if (commEnd < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        // after the command: field 3 (state) is index 0, so field n is index n - 3
        String[] fields = line.substring(commEnd + 1).trim().split("\\s+");
        return new Stat(Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                Long.parseLong(fields[13]), Long.parseLong(fields[14]));
    }

    /**
     * {@code getconf CLK_TCK}; 100 when it cannot be asked, which is USER_HZ on every Linux architecture a stack
     * runs on (the kernel reports in that unit whatever its internal HZ).
     */
    private static double clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                long ticks = Long.parseLong(out);
                if (ticks > 0) {
                    return ticks;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no getconf: fall back to Linux's USER_HZ
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
