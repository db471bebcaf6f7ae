package org.careslot.platform.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Watches the running stack as a process supervisor would. A service that dies on its own (a crash, an OOM kill, a
 * {@code kill -9}) is started again, a few times at most ({@link #SERVICE_RESTARTS}); the others carry on meanwhile,
 * since every service recovers its work by itself (outbox relay from its replication slot, consumers from their
 * committed offsets). The Kafka broker dying, or a service dying once too often, ends the launcher (and with it the
 * rest). PostgreSQL may be restarted by an operator ({@code pg_ctl restart}): the monitor follows the postmaster's
 * pid in the data directory and ends the launcher only when none has run for {@link #POSTGRES_GRACE}.
 */
final class LivenessMonitor {

    static final int SERVICE_RESTARTS = 3;
    static final Duration POSTGRES_GRACE = Duration.ofSeconds(60);

    /** What the monitor watches; {@code onChange} runs after a restarted service or a new postmaster. */
    record Watched(ServiceProcesses services, List<ChildProcess> others, Supplier<Optional<Long>> postmaster,
                   Path postgresLog, Runnable onChange) {
    }

    private final StopSwitch stopSwitch;
    private final ConsoleReport console;

    LivenessMonitor(StopSwitch stopSwitch, ConsoleReport console) {
        this.stopSwitch = stopSwitch;
        this.console = console;
    }

    /** Blocks while everything runs; returns 1 when a component dies for good, 0 after a requested stop. */
    int watch(Watched watched) {
        Optional<Long> postmaster = watched.postmaster().get();
        long postgresMissingSince = 0;
        while (!stopSwitch.isStopping()) {
            List<String> before = watched.services().pids().values().stream().map(String::valueOf).toList();
            Optional<ChildProcess> deadForGood;
            try {
                deadForGood = watched.services().restartDead(SERVICE_RESTARTS);
            } catch (StartupException e) {
                return stopSwitch.isStopping() ? 0 : fail(e.component(), e.getMessage(), e.logFile());
            }
            if (deadForGood.isPresent() && !stopSwitch.isStopping()) {
                ChildProcess dead = deadForGood.get();
                return fail(dead.name(), "exited with code " + dead.exitCode() + " after " + SERVICE_RESTARTS
                        + " restarts", dead.logFile());
            }
            boolean changed = !before.equals(
                    watched.services().pids().values().stream().map(String::valueOf).toList());
            for (ChildProcess process : watched.others()) {
                if (!process.isAlive() && !stopSwitch.isStopping()) {
                    return fail(process.name(), "exited with code " + process.exitCode(), process.logFile());
                }
            }
            if (postmaster.isPresent()) {
                Optional<Long> current = watched.postmaster().get().filter(LivenessMonitor::isAlive);
                if (current.isPresent()) {
                    postgresMissingSince = 0;
                    if (!current.equals(postmaster)) {
                        console.note("postgres runs again (postmaster pid " + current.get() + ")");
                        postmaster = current;
                        changed = true;
                    }
                } else if (postgresMissingSince == 0) {
                    postgresMissingSince = System.nanoTime();
                } else if (System.nanoTime() - postgresMissingSince > POSTGRES_GRACE.toNanos()
                        && !stopSwitch.isStopping()) {
                    return fail("postgres", "the postmaster (pid " + postmaster.get() + ") is gone and none has "
                            + "started for " + POSTGRES_GRACE.toSeconds() + " s", watched.postgresLog());
                }
            }
            if (changed) {
                watched.onChange().run();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return 0;
            }
        }
        return 0;
    }

    private int fail(String component, String message, Path logFile) {
        console.failure(component, message, logFile);
        return 1;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
