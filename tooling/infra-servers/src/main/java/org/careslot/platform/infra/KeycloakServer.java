package org.careslot.platform.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} distribution from the local Maven repository) running as a child
 * process in dev mode, with the {@code appointments} realm imported from the classpath resource
 * {@code keycloak/appointments-realm.json}.
 *
 * <p>The child never outlives this JVM: {@link #close()} and a shutdown hook stop the whole process tree, and a small
 * shell watchdog around {@code kc.sh} sends it SIGTERM if this JVM disappears without running its hooks (SIGKILL,
 * crash). Unix only ({@code /bin/sh}).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "appointments";
    /** Where the realm file lives on the classpath (platform/keycloak/appointments-realm.json in the source tree). */
    public static final String REALM_RESOURCE = "keycloak/appointments-realm.json";

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** kc.sh's own default; set explicitly so an inherited JAVA_OPTS cannot lift the bound. */
    private static final String HEAP = "-Xms64m -Xmx512m";

    /**
     * Runs kc.sh ($3..) in the background and stops it when the JVM with pid $1 is gone. Background jobs of a
     * non-interactive shell ignore SIGINT, so Ctrl-C reaches only the owning JVM, whose hook then stops Keycloak in order.
     */
    private static final String WATCHDOG = """
            parent="$1"; shift
            "$@" &
            keycloak=$!
            ( while kill -0 "$parent" 2>/dev/null; do sleep 1; done; kill -TERM "$keycloak" 2>/dev/null ) &
            watcher=$!
            wait "$keycloak"; status=$?
            kill "$watcher" 2>/dev/null
            exit $status
            """;

    /**
     * @param installRoot            where the distribution is unpacked (once; shared safely by several JVMs)
     * @param httpPort               0 for a free port
     * @param managementPort         health endpoints; 0 for a free port
     * @param persistentData         false: in-memory database, a fresh realm import on every start (tests);
     *                               true: H2 file database under the distribution's data/h2, kept across restarts
     *                               (the realm is imported only when it does not exist yet)
     * @param logFile                Keycloak's stdout and stderr (appended)
     * @param bootstrapAdminUser     admin of the master realm (created on the first start of a database only)
     * @param bootstrapAdminPassword its password
     * @param environment            extra environment of the Keycloak process, e.g. IDENTITY_CLIENT_SECRET and
     *                               CARESLOT_ADMIN_PASSWORD (realm file placeholders) or JAVA_OPTS_APPEND
     */
    public record KeycloakSettings(Path installRoot, int httpPort, int managementPort, boolean persistentData,
                                   Path logFile, String bootstrapAdminUser, String bootstrapAdminPassword,
                                   Map<String, String> environment) {

        public KeycloakSettings {
            Objects.requireNonNull(installRoot, "installRoot");
            Objects.requireNonNull(logFile, "logFile");
            Objects.requireNonNull(bootstrapAdminUser, "bootstrapAdminUser");
            Objects.requireNonNull(bootstrapAdminPassword, "bootstrapAdminPassword");
            if (httpPort < 0 || managementPort < 0) {
                throw new IllegalArgumentException("ports must be 0 (free port) or positive");
            }
            if (httpPort != 0 && httpPort == managementPort) {
                throw new IllegalArgumentException("HTTP and management port must differ: " + httpPort);
            }
            environment = environment == null ? Map.of() : Map.copyOf(environment);
        }

        KeycloakSettings withPorts(int http, int management) {
            return new KeycloakSettings(installRoot, http, management, persistentData, logFile, bootstrapAdminUser,
                    bootstrapAdminPassword, environment);
        }
    }

    private final KeycloakSettings settings;
    private final Path home;
    private final Process process;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Duration startupDuration = Duration.ZERO;

    private KeycloakServer(KeycloakSettings settings, Path home, Process process) {
        this.settings = settings;
        this.home = home;
        this.process = process;
        this.shutdownHook = new Thread(() -> stopProcessTree(process), "keycloak-stop-" + settings.httpPort());
    }

    /**
     * Unpacks the distribution if needed, starts Keycloak and returns once {@code /health/ready} on the management
     * port is UP and the realm's discovery document shows the expected issuer.
     *
     * @throws IllegalStateException if a fixed port is taken, or Keycloak exits or is not ready within 5 minutes
     *                               (the message carries the end of its log)
     */
    public static KeycloakServer start(KeycloakSettings requested) {
        Instant begin = Instant.now();
        Path installRoot = requested.installRoot().toAbsolutePath().normalize();
        Path home = KeycloakDistribution.ensureUnpacked(KeycloakDistribution.locateZip(), installRoot);
        // Ports are chosen under the start lock too: a JVM queued behind us picks its free ports once ours are bound.
        KeycloakServer server = KeycloakDistribution.withInstallLock(installRoot, "start", () -> {
            KeycloakSettings settings = resolvePorts(requested);
            installRealm(home);
            KeycloakServer started = launch(settings, home);
            try {
                started.awaitReady();
                return started;
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
        });
        server.startupDuration = Duration.between(begin, Instant.now());
        log.info("Keycloak {} ready at {} (management {}) in {} ms; log: {}", KeycloakDistribution.version(),
                server.baseUrl(), server.managementPort(), server.startupDuration.toMillis(), server.logFile());
        return server;
    }

    public String baseUrl() {
        return "http://localhost:" + settings.httpPort();
    }

    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public int httpPort() {
        return settings.httpPort();
    }

    public int managementPort() {
        return settings.managementPort();
    }

    /** Admin of the master realm, for the admin REST API ({@code /admin/realms/...}). */
    public String bootstrapAdminUser() {
        return settings.bootstrapAdminUser();
    }

    public String bootstrapAdminPassword() {
        return settings.bootstrapAdminPassword();
    }

    public Path logFile() {
        return settings.logFile();
    }

    /** The unpacked distribution this server runs from. */
    public Path home() {
        return home;
    }

    /** From {@link #start} being called to ready, including unpacking and Keycloak's own re-build if they happened. */
    public Duration startupDuration() {
        return startupDuration;
    }

    /** The process started for this server (the watchdog shell; kc.sh and the Keycloak JVM are its descendants). */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** Stops the process tree: SIGTERM, then SIGKILL for whatever still runs after 30 s. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopProcessTree(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or about to; it stops an already stopped tree, which is harmless
        }
    }

    private static KeycloakSettings resolvePorts(KeycloakSettings requested) {
        try (ServerSocket http = bind(requested.httpPort()); ServerSocket management = bind(requested.managementPort())) {
            return requested.withPorts(http.getLocalPort(), management.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak port " + requested.httpPort() + " or management port "
                    + requested.managementPort() + " is in use (another Keycloak or local stack still running?)", e);
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(port)); // the wildcard address, as Keycloak binds
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static void installRealm(Path home) {
        try (InputStream realm = KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the classpath");
            }
            KeycloakDistribution.writeAtomically(home.resolve("data/import/appointments-realm.json"),
                    realm.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the realm file into " + home, e);
        }
    }

    /** The server option that lets one account log in from several places at once under brute-force detection. */
    public static final String CONCURRENT_LOGINS =
            "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true";

    private static KeycloakServer launch(KeycloakSettings settings, Path home) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "keycloak-watchdog",
                Long.toString(ProcessHandle.current().pid()),
                "/bin/sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                // a full URL pins the token issuer; otherwise it follows each caller's Host header
                "--hostname=http://localhost:" + settings.httpPort(),
                "--health-enabled=true",
                // Keycloak 26 refuses concurrent logins of one account while brute-force detection is on; a patient
                // on two devices must not be refused (the lockout after 5 failures stays)
                CONCURRENT_LOGINS,
                "--import-realm",
                "--db=" + (settings.persistentData() ? "dev-file" : "dev-mem")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Inherited settings that kc.sh or Keycloak would read must not change how the server runs.
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS")
                || name.equals("JAVA") || name.equals("JAVA_ADD_OPENS") || name.startsWith("DEBUG")
                || name.equals("PRINT_ENV") || name.startsWith("QUARKUS_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JAVA_OPTS_KC_HEAP", HEAP);
        // JBoss Threads resets thread locals through reflection; on JDK 24+ without this its executor threads die
        // ("thread-local-reset capability") and requests fail at random
        environment.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.bootstrapAdminUser());
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.bootstrapAdminPassword());
        environment.putAll(settings.environment());
        try {
            Path logFile = settings.logFile().toAbsolutePath();
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + Instant.now() + " starting Keycloak on port " + settings.httpPort()
                            + " (management " + settings.managementPort() + "), home " + home + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(settings, home, process);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + home.resolve("bin/kc.sh"), e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://localhost:" + managementPort() + "/health/ready");
        URI discovery = URI.create(issuerUri() + "/.well-known/openid-configuration");
        String expectedIssuer = "\"issuer\":\"" + issuerUri() + "\"";
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (isOk(http, health, "\"UP\"") && isOk(http, discovery, expectedIssuer)) {
                return;
            }
            try {
                Integer exitCode = process.onExit().thenApply(Process::exitValue).get(POLL_INTERVAL.toMillis(),
                        TimeUnit.MILLISECONDS);
                throw new IllegalStateException("Keycloak exited with code " + exitCode + " before it was ready"
                        + logTail());
            } catch (TimeoutException stillRunning) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not watch the Keycloak process", e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT.toSeconds() + " s"
                + logTail());
    }

    private static boolean isOk(HttpClient http, URI uri, String expectedInBody) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains(expectedInBody);
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return "; last lines of " + logFile() + ":" + System.lineSeparator()
                    + String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "; log " + logFile() + " unreadable: " + e.getMessage();
        }
    }

    /**
     * SIGTERM to every process of the tree at once (the shells forward it too, which is harmless), then SIGKILL for
     * whatever is still there when the timeout runs out.
     */
    static void stopProcessTree(Process root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root.toHandle());
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle process : tree) {
            awaitExit(process, Duration.between(Instant.now(), deadline));
        }
        for (ProcessHandle process : tree) {
            if (process.isAlive()) {
                log.warn("Keycloak process {} ignored SIGTERM for {} s; killing it", process.pid(),
                        STOP_TIMEOUT.toSeconds());
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(5));
            }
        }
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return;
        }
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the caller checks isAlive and escalates
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
