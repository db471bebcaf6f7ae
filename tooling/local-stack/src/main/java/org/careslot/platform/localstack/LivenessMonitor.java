package org.careslot.platform.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Watches the running stack: a component that dies on its own ends the launcher (and with it the rest). */
final class LivenessMonitor {

    private final StopSwitch stopSwitch;
    private final ConsoleReport console;

    LivenessMonitor(StopSwitch stopSwitch, ConsoleReport console) {
        this.stopSwitch = stopSwitch;
        this.console = console;
    }

    /** Blocks while everything runs; returns 1 when a component dies on its own, 0 after a requested stop. */
    int watch(List<ChildProcess> processes, Optional<Long> postmaster, Path postgresLog) {
        while (!stopSwitch.isStopping()) {
            for (ChildProcess process : processes) {
                if (!process.isAlive() && !stopSwitch.isStopping()) {
                    console.failure(process.name(), "exited with code " + process.exitCode(), process.logFile());
                    return 1;
                }
            }
            if (postmaster.isPresent() && !ProcessHandle.of(postmaster.get()).map(ProcessHandle::isAlive).orElse(false)
                    && !stopSwitch.isStopping()) {
                console.failure("postgres", "the postmaster (pid " + postmaster.get() + ") is gone", postgresLog);
                return 1;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return 0;
            }
        }
        return 0;
    }
}
