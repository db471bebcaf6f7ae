package org.careslot.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** The six Spring Boot applications, each in a JVM of its own: started together, ready when all are, stopped first. */
final class ServiceProcesses {

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(25);

    private record Running(Service service, ChildProcess process, int restarts) {
    }

    private final StackSettings settings;
    private final JavaCommand java;
    private final DataDirectory dataDirectory;
    private final StopSwitch stopSwitch;
    private final ConsoleReport console;
    private final List<Running> running = new CopyOnWriteArrayList<>();

    ServiceProcesses(StackSettings settings, JavaCommand java, DataDirectory dataDirectory, StopSwitch stopSwitch,
                     ConsoleReport console) {
        this.settings = settings;
        this.java = java;
        this.dataDirectory = dataDirectory;
        this.stopSwitch = stopSwitch;
        this.console = console;
    }

    /** Starts all six without waiting for them; fails before starting any when a runnable jar is missing. */
    void start(Map<String, String> environment) {
        for (Service service : Service.values()) {
            Path jar = service.jar(settings.projectRoot());
            if (!Files.isRegularFile(jar)) {
                throw new StartupException(service.module(), "runnable jar missing: " + jar
                        + " (build with ./mvnw -B -DskipTests install)", null);
            }
        }
        for (Service service : Service.values()) {
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("SERVER_PORT", Integer.toString(service.port(settings.ports())));
            List<String> command = new ArrayList<>(java.baseCommand(settings.serviceJavaOptions()));
            command.add("-Djava.io.tmpdir=" + dataDirectory.tmpDirOf(service.module()));
            command.add("-jar");
            command.add(service.jar(settings.projectRoot()).toString());
            stopSwitch.startUnlessStopping(service.module(), () -> running.add(new Running(service,
                    ChildProcess.start(service.module(), command, env, settings.projectRoot(),
                            settings.logsDir().resolve(service.module() + ".log")), 0)));
            if (!settings.serviceStagger().isZero()) {
                Sleeper.sleep(settings.serviceStagger());
            }
        }
    }

    /** Polls every service's readiness probe until all answer UP; fails when one exits or the start timeout passes. */
    void awaitReady() {
        Readiness readiness = new Readiness();
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        List<Running> pending = new ArrayList<>(running);
        while (!pending.isEmpty()) {
            if (stopSwitch.isStopping()) {
                throw new StartupException("local stack", "stopped while starting", null);
            }
            for (var it = pending.iterator(); it.hasNext(); ) {
                Running service = it.next();
                ChildProcess process = service.process();
                if (!process.isAlive()) {
                    throw new StartupException(process.name(), "exited with code " + process.exitCode()
                            + " while starting", process.logFile());
                }
                int port = service.service().port(settings.ports());
                if (readiness.isReady(port)) {
                    console.progressSinceStart(process.name(), settings.localUrl(port));
                    it.remove();
                }
            }
            if (System.nanoTime() > deadline) {
                ChildProcess first = pending.getFirst().process();
                throw new StartupException(first.name(), "not ready within " + settings.startTimeout().toSeconds()
                        + " s (also waiting for: " + pending.stream().map(Running::service).toList() + ")",
                        first.logFile());
            }
            Sleeper.sleep(Duration.ofMillis(500));
        }
    }

    /** module → pid, in start order. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        running.forEach(service -> pids.put(service.process().name(), service.process().pid()));
        return pids;
    }

    /**
     * Starts every service that died on its own again, as a process supervisor (systemd, Kubernetes) would: a crash
     * or a {@code kill -9} costs the service's start time, not the whole stack. A service that has died more than
     * {@code maxRestarts} times is not restarted: it is answered, and the launcher then ends as for any dead component.
     */
    Optional<ChildProcess> restartDead(int maxRestarts) {
        for (int i = 0; i < running.size(); i++) {
            Running service = running.get(i);
            ChildProcess process = service.process();
            if (process.isAlive() || stopSwitch.isStopping()) {
                continue;
            }
            if (service.restarts() >= maxRestarts) {
                return Optional.of(process);
            }
            console.note(process.name() + " exited with code " + process.exitCode() + ": starting it again (restart "
                    + (service.restarts() + 1) + " of at most " + maxRestarts + "; log of the dead run in "
                    + process.logFile().getFileName() + ".1)");
            int index = i;
            stopSwitch.startUnlessStopping(process.name(), () -> running.set(index,
                    new Running(service.service(), process.startAgain(), service.restarts() + 1)));
        }
        return Optional.empty();
    }

    /** All at once: each gets SIGTERM and its grace period in parallel. */
    void stop() {
        running.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.process().stop(SERVICE_STOP_GRACE)))
                .toList()
                .forEach(CompletableFuture::join);
    }
}
