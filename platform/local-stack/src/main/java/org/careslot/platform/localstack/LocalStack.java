package org.careslot.platform.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.careslot.platform.infra.KeycloakServer;
import org.careslot.platform.infra.KeycloakServer.KeycloakSettings;
import org.careslot.platform.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One command for the whole platform on a developer machine, without Docker: real PostgreSQL, a Kafka broker in KRaft
 * mode, Keycloak, an SMTP server and the six services, each service in a JVM of its own. Prints one
 * {@code READY http://localhost:<gateway port>} line once every service reports readiness, then keeps running until
 * SIGTERM/SIGINT (Ctrl-C), when it stops the services first and the infrastructure after them.
 *
 * <p>Exit codes: 0 after a requested stop; 1 when a component fails to start or dies; 2 for usage errors.
 */
public final class LocalStack {

    static final String READY_PREFIX = "READY ";
    static final List<String> DATABASES = List.of("identity", "doctor", "booking", "notification", "reporting");
    private static final String PID_FILE = "local-stack.pid";
    private static final String PROCESSES_FILE = "processes";
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(25);
    private static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);

    private final StackSettings settings;
    private final JavaCommand java;
    private final boolean infrastructureOnly;
    private final long startNanos = System.nanoTime();
    private final Object lifecycle = new Object();
    private final List<ChildProcess> services = new CopyOnWriteArrayList<>();

    private volatile boolean stopping;
    private boolean stopped;
    private PostgresServer postgres;
    private PostgresWatchdog postgresWatchdog;
    private KafkaBroker kafka;
    private GreenMail smtp;
    private CompletableFuture<KeycloakServer> keycloakStart;
    private KeycloakServer keycloak;

    LocalStack(StackSettings settings, JavaCommand java, boolean infrastructureOnly) {
        this.settings = settings;
        this.java = java;
        this.infrastructureOnly = infrastructureOnly;
    }

    public static void main(String[] args) {
        boolean fresh = false;
        boolean infrastructureOnly = false;
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--infra-only" -> infrastructureOnly = true;
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + arg + System.lineSeparator() + usage());
                    System.exit(2);
                }
            }
        }
        Path launcherJar = launcherJar();
        StackSettings settings;
        try {
            settings = StackSettings.fromEnvironment(System.getenv(), launcherJar);
            prepareDataDir(settings, fresh);
            checkPortsFree(settings);
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
        LocalStack stack = new LocalStack(settings, JavaCommand.of(launcherJar, watchdog), infrastructureOnly);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "local-stack-shutdown"));
        int exitCode = stack.run();
        System.exit(exitCode);
    }

    static String usage() {
        return """
                usage: local-stack.sh [--fresh] [--infra-only]
                  --fresh        delete the data dir (LOCAL_STACK_DIR, default ./.local-stack) before starting
                  --infra-only   start PostgreSQL, Kafka, Keycloak and SMTP only (run the services from an IDE)
                Ports and options come from the environment: GATEWAY_PORT, IDENTITY_PORT, DOCTOR_PORT, BOOKING_PORT,
                NOTIFICATION_PORT, REPORTING_PORT, KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, POSTGRES_PORT, KAFKA_PORT,
                KAFKA_CONTROLLER_PORT, SMTP_PORT, LOCAL_STACK_DIR, LOCAL_STACK_START_TIMEOUT_SECONDS,
                LOCAL_STACK_SERVICE_STAGGER_MS, LOCAL_STACK_SERVICE_JAVA_OPTS, LOCAL_STACK_KAFKA_JAVA_OPTS.""";
    }

    /** Starts everything, prints READY, and blocks until a component dies (→ 1) or a stop is requested (→ 0). */
    int run() {
        try {
            startInfrastructure();
            if (infrastructureOnly) {
                writeProcessesFile();
                printInfrastructureReady();
                return monitor();
            }
            startServices();
            awaitServicesReady();
            writeProcessesFile();
            printReady();
            return monitor();
        } catch (StartupException e) {
            if (stopping) {
                return 0;
            }
            reportFailure(e.component(), e.getMessage(), e.logFile());
            return 1;
        } catch (RuntimeException e) {
            if (stopping) {
                return 0;
            }
            System.out.println("FAILED local stack: " + e);
            e.printStackTrace(System.out);
            return 1;
        }
    }

    // ---------------------------------------------------------------- start

    private void startInfrastructure() {
        // Keycloak takes longest (15-30 s cold): start it first, in the background
        keycloakStart = CompletableFuture.supplyAsync(this::startKeycloak, runnable -> {
            Thread thread = new Thread(runnable, "keycloak-start");
            thread.setDaemon(true);
            thread.start();
        });

        long t = System.nanoTime();
        Path postgresData = settings.dataDir().resolve("postgres");
        try {
            synchronized (lifecycle) {
                failIfStopping("postgres");
                postgres = PostgresServer.start(settings.ports().postgres(), postgresData);
            }
        } catch (RuntimeException e) {
            throw new StartupException("postgres", "did not start: " + rootMessage(e),
                    settings.logsDir().resolve("postgres.log"), e);
        }
        PostgresWatchdog.postmasterPid(postgresData).flatMap(PostgresWatchdog::start)
                .ifPresent(watchdog -> postgresWatchdog = watchdog);
        for (String database : DATABASES) {
            postgres.createDatabase(database);
        }
        progress("PostgreSQL", "localhost:" + postgres.port() + ", databases " + String.join(", ", DATABASES), t);

        long kafkaStart = System.nanoTime();
        try {
            synchronized (lifecycle) {
                failIfStopping("kafka");
                kafka = KafkaBroker.start(settings, java, settings.logsDir().resolve("kafka.log"));
            }
        } catch (IOException e) {
            throw new StartupException("kafka", "could not prepare the broker: " + e.getMessage(),
                    settings.logsDir().resolve("kafka.log"), e);
        }

        startSmtp();

        kafka.awaitReady(settings.startTimeout());
        progress("Kafka", kafka.bootstrapServers() + " (KRaft)", kafkaStart);

        try {
            keycloak = keycloakStart.get(settings.startTimeout().toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException("keycloak", "did not start: " + rootMessage(cause), keycloakLog(), cause);
        } catch (TimeoutException e) {
            throw new StartupException("keycloak", "not ready within " + settings.startTimeout().toSeconds() + " s",
                    keycloakLog());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("keycloak", "interrupted", keycloakLog());
        }
    }

    private void startSmtp() {
        long t = System.nanoTime();
        try {
            synchronized (lifecycle) {
                failIfStopping("smtp");
                smtp = new GreenMail(new ServerSetup(settings.ports().smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
            }
        } catch (RuntimeException e) {
            throw new StartupException("smtp", "did not start: " + rootMessage(e),
                    settings.logsDir().resolve("local-stack.log"), e);
        }
        progress("SMTP", "localhost:" + settings.ports().smtp(), t);
    }

    private KeycloakServer startKeycloak() {
        long t = System.nanoTime();
        // KeycloakServer runs kc.sh under a shell watchdog of its own, which stops Keycloak if the launcher dies
        Map<String, String> environment = Map.of();
        KeycloakServer server;
        try {
            server = KeycloakServer.start(new KeycloakSettings(
                    settings.dataDir().resolve("keycloak"),
                    settings.ports().keycloak(),
                    settings.ports().keycloakManagement(),
                    true,
                    keycloakLog(),
                    "admin",
                    "admin",
                    environment));
        } catch (RuntimeException e) {
            throw new StartupException("keycloak", "did not start: " + rootMessage(e), keycloakLog(), e);
        }
        synchronized (lifecycle) {
            if (stopping) {
                server.close();
                throw new StartupException("keycloak", "stopped while starting", keycloakLog());
            }
        }
        progress("Keycloak", server.baseUrl() + " (realm appointments)", t);
        return server;
    }

    private Path keycloakLog() {
        return settings.logsDir().resolve("keycloak.log");
    }

    private void startServices() {
        StackSettings.Ports ports = settings.ports();
        Map<String, String> environment = serviceEnvironment();
        for (Service service : Service.values()) {
            Path jar = service.jar(settings.projectRoot());
            if (!Files.isRegularFile(jar)) {
                throw new StartupException(service.module(), "runnable jar missing: " + jar
                        + " (build with ./mvnw -B -DskipTests install)", null);
            }
        }
        for (Service service : Service.values()) {
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("SERVER_PORT", Integer.toString(service.port(ports)));
            List<String> command = new ArrayList<>(java.baseCommand(settings.serviceJavaOptions()));
            command.add("-Djava.io.tmpdir=" + createDirectories(settings.dataDir().resolve("tmp").resolve(service.module())));
            command.add("-jar");
            command.add(service.jar(settings.projectRoot()).toString());
            synchronized (lifecycle) {
                failIfStopping(service.module());
                services.add(ChildProcess.start(service.module(), command, env, settings.projectRoot(),
                        settings.logsDir().resolve(service.module() + ".log")));
            }
            if (!settings.serviceStagger().isZero()) {
                Sleeper.sleep(settings.serviceStagger());
            }
        }
    }

    /** The configuration contract of common.md, pointing every service at this stack. */
    Map<String, String> serviceEnvironment() {
        StackSettings.Ports ports = settings.ports();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POSTGRES_HOST", "localhost");
        env.put("POSTGRES_PORT", Integer.toString(ports.postgres()));
        env.put("POSTGRES_USER", PostgresServer.SUPERUSER);
        env.put("POSTGRES_PASSWORD", PostgresServer.SUPERUSER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
        env.put("KEYCLOAK_URL", settings.localUrl(ports.keycloak()));
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", Integer.toString(ports.smtp()));
        for (Service service : Service.values()) {
            env.put(service.variablePrefix() + "_PORT", Integer.toString(service.port(ports)));
            env.put(service.variablePrefix() + "_URL", settings.localUrl(service.port(ports)));
        }
        env.put("KEYCLOAK_PORT", Integer.toString(ports.keycloak()));
        env.put("KEYCLOAK_MANAGEMENT_PORT", Integer.toString(ports.keycloakManagement()));
        env.put("KAFKA_PORT", Integer.toString(ports.kafka()));
        // readiness is what the launcher waits for; outside Kubernetes Boot only exposes it when asked to
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        return env;
    }

    private void awaitServicesReady() {
        Readiness readiness = new Readiness();
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        Map<ChildProcess, Service> pending = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i++) {
            pending.put(services.get(i), Service.values()[i]);
        }
        while (!pending.isEmpty()) {
            if (stopping) {
                throw new StartupException("local stack", "stopped while starting", null);
            }
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                ChildProcess process = entry.getKey();
                if (!process.isAlive()) {
                    throw new StartupException(process.name(), "exited with code " + process.exitCode()
                            + " while starting", process.logFile());
                }
                if (readiness.isReady(entry.getValue().port(settings.ports()))) {
                    progress(process.name(), settings.localUrl(entry.getValue().port(settings.ports())), startNanos);
                    it.remove();
                }
            }
            if (System.nanoTime() > deadline) {
                ChildProcess first = pending.keySet().iterator().next();
                throw new StartupException(first.name(), "not ready within " + settings.startTimeout().toSeconds()
                        + " s (also waiting for: " + pending.values() + ")", first.logFile());
            }
            Sleeper.sleep(Duration.ofMillis(500));
        }
    }

    // ---------------------------------------------------------------- running

    private void printReady() {
        StackSettings.Ports ports = settings.ports();
        String gateway = settings.localUrl(ports.gateway());
        String adminPassword = settings.environment().getOrDefault("CARESLOT_ADMIN_PASSWORD", "Admin.1234");
        String text = READY_PREFIX + gateway + System.lineSeparator()
                + "  started in " + seconds(startNanos) + " s; data in " + settings.dataDir()
                + ", logs in " + settings.logsDir() + System.lineSeparator()
                + "  Gateway (API)         " + gateway + "/api/v1/" + System.lineSeparator()
                + "  Swagger UI            " + gateway + "/v1/" + System.lineSeparator()
                + "  Keycloak admin        " + keycloak.baseUrl() + "/admin/  (admin / admin)"
                + System.lineSeparator()
                + "  Keycloak issuer       " + keycloak.issuerUri() + System.lineSeparator()
                + "  SMTP                  localhost:" + ports.smtp() + System.lineSeparator()
                + "  PostgreSQL            localhost:" + ports.postgres() + "  (postgres / postgres; databases "
                + String.join(", ", DATABASES) + ")" + System.lineSeparator()
                + "  Kafka                 localhost:" + ports.kafka() + System.lineSeparator()
                + "  Demo accounts         admin@example.com / " + adminPassword + "  (ADMIN)"
                + System.lineSeparator()
                + "Ctrl-C stops everything; data is kept for the next start (--fresh starts from scratch).";
        System.out.println(text);
        System.out.flush();
    }

    private void printInfrastructureReady() {
        System.out.println("INFRASTRUCTURE UP (no services started; start them with the environment below)"
                + System.lineSeparator() + "  started in " + seconds(startNanos) + " s; logs in " + settings.logsDir());
        serviceEnvironment().forEach((name, value) -> System.out.println("  " + name + "=" + value));
        System.out.println("Ctrl-C stops everything.");
        System.out.flush();
    }

    /** Blocks while everything runs; returns 1 when a component dies on its own. */
    private int monitor() {
        List<ChildProcess> watched = new ArrayList<>(services);
        watched.add(kafka.process());
        Path postgresData = settings.dataDir().resolve("postgres");
        Optional<Long> postmaster = PostgresWatchdog.postmasterPid(postgresData);
        while (!stopping) {
            for (ChildProcess process : watched) {
                if (!process.isAlive() && !stopping) {
                    reportFailure(process.name(), "exited with code " + process.exitCode(), process.logFile());
                    return 1;
                }
            }
            if (postmaster.isPresent() && !ProcessHandle.of(postmaster.get()).map(ProcessHandle::isAlive).orElse(false)
                    && !stopping) {
                reportFailure("postgres", "the postmaster (pid " + postmaster.get() + ") is gone",
                        settings.logsDir().resolve("postgres.log"));
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

    private void reportFailure(String component, String message, Path logFile) {
        StringBuilder text = new StringBuilder()
                .append("FAILED ").append(component).append(": ").append(message).append(System.lineSeparator());
        if (logFile != null) {
            text.append("---- last lines of ").append(logFile).append(" ----").append(System.lineSeparator())
                    .append(ChildProcess.tail(logFile, 40)).append(System.lineSeparator())
                    .append("----").append(System.lineSeparator());
        }
        text.append("stopping the local stack");
        System.out.println(text);
        System.out.flush();
    }

    /** name → pid of every process the stack runs, for tools and tests that check that nothing is left behind. */
    private void writeProcessesFile() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("local-stack", ProcessHandle.current().pid());
        PostgresWatchdog.postmasterPid(settings.dataDir().resolve("postgres")).ifPresent(pid -> pids.put("postgres", pid));
        pids.put("kafka", kafka.process().pid());
        ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("java")).orElse(false))
                .filter(process -> process.info().commandLine().map(line -> line.contains("keycloak")).orElse(false))
                .findFirst().ifPresent(process -> pids.put("keycloak", process.pid()));
        services.forEach(service -> pids.put(service.name(), service.pid()));
        StringBuilder text = new StringBuilder();
        pids.forEach((name, pid) -> text.append(name).append(' ').append(pid).append('\n'));
        try {
            Files.writeString(settings.dataDir().resolve(PROCESSES_FILE), text);
        } catch (IOException e) {
            System.out.println("  (could not write " + PROCESSES_FILE + ": " + e.getMessage() + ")");
        }
    }

    // ---------------------------------------------------------------- stop

    /** Shutdown hook: services first, while the infrastructure they talk to while closing is still up. */
    void shutdown() {
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopping = true;
            stopped = true;
        }
        long t = System.nanoTime();
        System.out.println("stopping the local stack ...");
        System.out.flush();
        List<CompletableFuture<Void>> serviceStops = services.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.stop(SERVICE_STOP_GRACE)))
                .toList();
        serviceStops.forEach(CompletableFuture::join);

        CompletableFuture<Void> keycloakStop = CompletableFuture.runAsync(this::stopKeycloak);
        if (kafka != null) {
            kafka.process().stop(KAFKA_STOP_GRACE);
        }
        if (smtp != null) {
            quietly("smtp", smtp::stop);
        }
        keycloakStop.join();
        if (postgresWatchdog != null) {
            postgresWatchdog.stop();
        }
        if (postgres != null) {
            quietly("postgres", postgres::close);
        }
        try {
            Files.deleteIfExists(settings.dataDir().resolve(PID_FILE));
            Files.deleteIfExists(settings.dataDir().resolve(PROCESSES_FILE));
        } catch (IOException ignored) {
            // only informational files
        }
        System.out.println("local stack stopped in " + seconds(t) + " s");
        System.out.flush();
    }

    private void stopKeycloak() {
        KeycloakServer server = keycloak;
        if (server == null && keycloakStart != null) {
            try {
                // a start in progress finishes (or fails) on its own and then sees `stopping`
                server = keycloakStart.get(90, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                server = null;
            }
        }
        if (server != null) {
            quietly("keycloak", server::close);
        }
    }

    private static void quietly(String component, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.out.println("  could not stop " + component + " cleanly: " + e.getMessage());
        }
    }

    private void failIfStopping(String component) {
        if (stopping) {
            throw new StartupException(component, "stopped while starting", null);
        }
    }

    // ---------------------------------------------------------------- preparation

    static Path launcherJar() {
        try {
            Path location = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    static void prepareDataDir(StackSettings settings, boolean fresh) {
        Path dataDir = settings.dataDir();
        Path pidFile = dataDir.resolve(PID_FILE);
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(true))
                .ifPresent(running -> {
                    throw new IllegalStateException("a local stack is already running with data dir " + dataDir
                            + " (pid " + running.pid() + "); stop it first (Ctrl-C or kill " + running.pid() + ")");
                });
        if (fresh && Files.exists(dataDir)) {
            wipeExceptCache(settings);
        }
        createDirectories(dataDir);
        createDirectories(settings.logsDir());
        try {
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void wipeExceptCache(StackSettings settings) {
        Path dataDir = settings.dataDir();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (dataDir.getParent() == null || dataDir.equals(home) || dataDir.equals(settings.projectRoot())) {
            throw new IllegalArgumentException("refusing to wipe " + dataDir + " (LOCAL_STACK_DIR)");
        }
        try (Stream<Path> top = Files.list(dataDir)) {
            for (Path entry : top.filter(path -> !path.equals(settings.cacheDir())).toList()) {
                deleteRecursively(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not wipe " + dataDir, e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static void checkPortsFree(StackSettings settings) {
        List<String> busy = new ArrayList<>();
        settings.ports().byVariable().forEach((variable, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                busy.add(variable + "=" + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + " (another local stack or program runs; stop it or set these variables to free ports)");
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void progress(String component, String detail, long sinceNanos) {
        System.out.printf("  %-22s %-60s %6.1f s%n", component, detail, (System.nanoTime() - sinceNanos) / 1e9);
        System.out.flush();
    }

    private static String seconds(long sinceNanos) {
        return String.format("%.1f", (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
