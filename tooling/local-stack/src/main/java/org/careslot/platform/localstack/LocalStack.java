package org.careslot.platform.localstack;

import org.careslot.platform.localstack.seed.DemoSeedCommand;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command for the whole platform on a developer machine, without Docker: real PostgreSQL, a Kafka broker in KRaft
 * mode, Keycloak, an SMTP server and the six services, each service in a JVM of its own. Prints one
 * {@code READY http://localhost:<gateway port>} line once every service reports readiness, then keeps running until
 * SIGTERM/SIGINT (Ctrl-C), when it stops the services first and the infrastructure after them.
 *
 * <p>This class only puts the steps in order: {@link Infrastructure}, {@link ServiceProcesses}, {@link
 * LivenessMonitor}, with {@link ConsoleReport} for the output and {@link StopSwitch} between starting and stopping.
 *
 * <p>Exit codes: 0 after a requested stop; 1 when a component fails to start or dies; 2 for usage errors.
 */
public final class LocalStack {

    private final StackSettings settings;
    private final boolean infrastructureOnly;
    private final boolean seed;
    private final DataDirectory dataDirectory;
    private final StopSwitch stopSwitch = new StopSwitch();
    private final ConsoleReport console = new ConsoleReport(System.out, System.nanoTime());
    private final Infrastructure infrastructure;
    private final ServiceProcesses services;

    LocalStack(StackSettings settings, DataDirectory dataDirectory, JavaCommand java, boolean infrastructureOnly,
               boolean seed) {
        this.settings = settings;
        this.seed = seed;
        this.dataDirectory = dataDirectory;
        this.infrastructureOnly = infrastructureOnly;
        this.infrastructure = new Infrastructure(settings, java, stopSwitch, console);
        this.services = new ServiceProcesses(settings, java, dataDirectory, stopSwitch, console);
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + System.lineSeparator() + LaunchOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.usage());
            return;
        }
        Path launcherJar = launcherJar();
        if (options.seedOnly()) {
            try {
                StackSettings running = StackSettings.fromEnvironment(System.getenv(), launcherJar);
                System.exit(DemoSeedCommand.seed(running, System.out) ? 0 : 1);
            } catch (IllegalArgumentException e) {
                System.err.println("local-stack: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        StackSettings settings;
        DataDirectory dataDirectory;
        try {
            settings = StackSettings.fromEnvironment(System.getenv(), launcherJar);
            dataDirectory = new DataDirectory(settings);
            dataDirectory.prepare(options.fresh());
            FreePorts.require(settings.ports());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        // before the first SLF4J logger exists: logback.xml writes the launcher's own and PostgreSQL's logs there
        System.setProperty("careslot.localstack.logs", settings.logsDir().toString());
        // unpacked PostgreSQL binaries are immutable: keep them out of the data dir that --fresh wipes
        System.setProperty("ot.epg.working-dir", settings.cacheDir().resolve("embedded-pg").toString());
        // initialise logging on this thread, before the Keycloak start thread logs concurrently
        org.slf4j.LoggerFactory.getLogger(LocalStack.class).info("local stack starting, data dir {}", settings.dataDir());

        String watchdog;
        try {
            watchdog = ParentWatchdog.writeAgentJar(settings.dataDir().resolve("bin").resolve("watchdog.jar"));
        } catch (IOException e) {
            System.err.println("local-stack: could not write the watchdog agent: " + e.getMessage());
            System.exit(1);
            return;
        }
        LocalStack stack = new LocalStack(settings, dataDirectory, JavaCommand.of(launcherJar, watchdog),
                options.infrastructureOnly(), options.seed());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "local-stack-shutdown"));
        int exitCode = stack.run();
        System.exit(exitCode);
    }

    /** Starts everything, prints READY, and blocks until a component dies (→ 1) or a stop is requested (→ 0). */
    int run() {
        try {
            infrastructure.start();
            if (!infrastructureOnly) {
                services.start(ServiceEnvironment.of(settings));
                services.awaitReady();
            }
            writeProcessesFile();
            if (infrastructureOnly) {
                console.infrastructureUp(settings.logsDir(), ServiceEnvironment.of(settings));
            } else {
                console.ready(settings, infrastructure.keycloak().baseUrl(), infrastructure.keycloak().issuerUri(),
                        Infrastructure.DATABASES);
                if (seed) {
                    // a failed seed leaves the stack running: the message says what to fix, --seed-only retries
                    DemoSeedCommand.seed(settings, System.out);
                }
            }
            return new LivenessMonitor(stopSwitch, console).watch(new LivenessMonitor.Watched(services,
                    List.of(infrastructure.kafkaProcess()), infrastructure::postmasterPid, infrastructure.postgresLog(), () -> {
                        infrastructure.followPostmaster();
                        writeProcessesFile();
                    }));
        } catch (StartupException e) {
            if (stopSwitch.isStopping()) {
                return 0;
            }
            console.failure(e.component(), e.getMessage(), e.logFile());
            return 1;
        } catch (RuntimeException e) {
            if (stopSwitch.isStopping()) {
                return 0;
            }
            console.unexpectedFailure(e);
            return 1;
        }
    }

    /** Shutdown hook: services first, while the infrastructure they talk to while closing is still up. */
    void shutdown() {
        if (!stopSwitch.stop()) {
            return;
        }
        long t = System.nanoTime();
        console.stopping();
        services.stop();
        infrastructure.stop();
        dataDirectory.release();
        console.stopped(t);
    }

    private void writeProcessesFile() {
        Map<String, Long> pids = new LinkedHashMap<>(infrastructure.pids());
        pids.putAll(services.pids());
        try {
            dataDirectory.writeProcesses(pids);
        } catch (IOException e) {
            console.note("(could not write " + DataDirectory.processesFileName() + ": " + e.getMessage() + ")");
        }
    }

    static Path launcherJar() {
        try {
            Path location = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
