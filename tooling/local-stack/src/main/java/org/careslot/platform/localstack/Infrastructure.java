package org.careslot.platform.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.careslot.platform.infra.KeycloakServer;
import org.careslot.platform.infra.KeycloakServer.KeycloakSettings;
import org.careslot.platform.infra.PostgresServer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the services need before they can start: PostgreSQL with one database per service, a Kafka broker, an SMTP
 * server (with IMAP to read what it received), Keycloak with the realm, and the trace UI (Zipkin). Started in the
 * order that gets them all up soonest, stopped after the services.
 */
final class Infrastructure {

    static final List<String> DATABASES = List.of("identity", "doctor", "booking", "notification", "reporting");
    private static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration ZIPKIN_STOP_GRACE = Duration.ofSeconds(10);

    private final StackSettings settings;
    private final JavaCommand java;
    private final StopSwitch stopSwitch;
    private final ConsoleReport console;

    private PostgresServer postgres;
    private PostgresWatchdog postgresWatchdog;
    private Long watchedPostmaster;
    private KafkaBroker kafka;
    private ZipkinTraceUi zipkin;
    private GreenMail smtp;
    private CompletableFuture<KeycloakServer> keycloakStart;
    private KeycloakServer keycloak;

    Infrastructure(StackSettings settings, JavaCommand java, StopSwitch stopSwitch, ConsoleReport console) {
        this.settings = settings;
        this.java = java;
        this.stopSwitch = stopSwitch;
        this.console = console;
    }

    /** Returns once all four accept connections; a {@link StartupException} names the one that did not. */
    void start() {
        // Keycloak takes longest (15-30 s cold): start it first, in the background
        keycloakStart = CompletableFuture.supplyAsync(this::startKeycloak, runnable -> {
            Thread thread = new Thread(runnable, "keycloak-start");
            thread.setDaemon(true);
            thread.start();
        });
        startPostgres();

        long kafkaStart = System.nanoTime();
        try {
            stopSwitch.startUnlessStopping("kafka",
                    () -> kafka = KafkaBroker.start(settings, java, settings.logsDir().resolve("kafka.log")));
        } catch (IOException e) {
            throw new StartupException("kafka", "could not prepare the broker: " + e.getMessage(),
                    settings.logsDir().resolve("kafka.log"), e);
        }

        long zipkinStart = System.nanoTime();
        try {
            stopSwitch.startUnlessStopping("zipkin",
                    () -> zipkin = ZipkinTraceUi.start(settings, java, zipkinLog()));
        } catch (IOException | RuntimeException e) {
            throw new StartupException("zipkin", "could not start: " + StartupException.describe(e), zipkinLog(), e);
        }

        startSmtp();

        kafka.awaitReady(settings.startTimeout());
        console.progress("Kafka", kafka.bootstrapServers() + " (KRaft)", kafkaStart);

        zipkin.awaitReady(settings.startTimeout());
        console.progress("Zipkin", ZipkinTraceUi.uiUrl(settings) + " (traces in memory)", zipkinStart);

        awaitKeycloak();
    }

    private void startPostgres() {
        long t = System.nanoTime();
        try {
            stopSwitch.startUnlessStopping("postgres",
                    () -> postgres = PostgresServer.start(settings.ports().postgres(), postgresDataDir()));
        } catch (RuntimeException e) {
            throw new StartupException("postgres", "did not start: " + StartupException.describe(e),
                    postgresLog(), e);
        }
        followPostmaster();
        for (String database : DATABASES) {
            postgres.createDatabase(database);
        }
        console.progress("PostgreSQL", "localhost:" + postgres.port() + ", databases " + String.join(", ", DATABASES),
                t);
    }

    private void startSmtp() {
        long t = System.nanoTime();
        try {
            stopSwitch.startUnlessStopping("smtp", () -> {
                // IMAP next to SMTP, so that any mail client (and the e2e suite) reads the dev mail; no passwords:
                // every recipient has a mailbox, its login is the address, any password opens it
                smtp = new GreenMail(new ServerSetup[] {
                        new ServerSetup(settings.ports().smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                        new ServerSetup(settings.ports().smtpImap(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
                smtp.start();
            });
        } catch (RuntimeException e) {
            throw new StartupException("smtp", "did not start: " + StartupException.describe(e),
                    settings.logsDir().resolve("local-stack.log"), e);
        }
        console.progress("SMTP", "localhost:" + settings.ports().smtp() + ", IMAP localhost:"
                + settings.ports().smtpImap(), t);
    }

    private KeycloakServer startKeycloak() {
        long t = System.nanoTime();
        // KeycloakServer runs kc.sh under a shell watchdog of its own, which stops Keycloak if the launcher dies
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
                    Map.of()));
        } catch (RuntimeException e) {
            throw new StartupException("keycloak", "did not start: " + StartupException.describe(e), keycloakLog(), e);
        }
        stopSwitch.keepUnlessStopping("keycloak", server::close, keycloakLog());
        console.progress("Keycloak", server.baseUrl() + " (realm appointments)", t);
        return server;
    }

    private void awaitKeycloak() {
        try {
            keycloak = keycloakStart.get(settings.startTimeout().toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException("keycloak", "did not start: " + StartupException.describe(cause), keycloakLog(),
                    cause);
        } catch (TimeoutException e) {
            throw new StartupException("keycloak", "not ready within " + settings.startTimeout().toSeconds() + " s",
                    keycloakLog());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("keycloak", "interrupted", keycloakLog());
        }
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    /** The broker's JVM, watched while the stack runs. */
    ChildProcess kafkaProcess() {
        return kafka.process();
    }

    /** PostgreSQL runs detached (pg_ctl): only its pid tells whether it still runs. */
    Optional<Long> postmasterPid() {
        return PostgresWatchdog.postmasterPid(postgresDataDir());
    }

    /**
     * After an operator restarted PostgreSQL ({@code pg_ctl restart}) its postmaster has a new pid: the watchdog that
     * stops it should the launcher die must watch that one.
     */
    void followPostmaster() {
        Optional<Long> current = postmasterPid();
        if (current.isEmpty() || current.get().equals(watchedPostmaster)) {
            return;
        }
        if (postgresWatchdog != null) {
            postgresWatchdog.stop();
        }
        postgresWatchdog = PostgresWatchdog.start(current.get()).orElse(null);
        watchedPostmaster = current.get();
    }

    Path postgresLog() {
        return settings.logsDir().resolve("postgres.log");
    }

    /** name → pid of the infrastructure processes (SMTP runs inside the launcher). */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        postmasterPid().ifPresent(pid -> pids.put("postgres", pid));
        pids.put("kafka", kafka.process().pid());
        pids.put("zipkin", zipkin.process().pid());
        ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("java")).orElse(false))
                .filter(process -> process.info().commandLine().map(line -> line.contains("keycloak")).orElse(false))
                .findFirst().ifPresent(process -> pids.put("keycloak", process.pid()));
        return pids;
    }

    /** Whatever has started: Kafka, SMTP and Keycloak side by side, PostgreSQL last. */
    void stop() {
        CompletableFuture<Void> keycloakStop = CompletableFuture.runAsync(this::stopKeycloak);
        if (zipkin != null) {
            zipkin.process().stop(ZIPKIN_STOP_GRACE);
        }
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
    }

    private void stopKeycloak() {
        KeycloakServer server = keycloak;
        if (server == null && keycloakStart != null) {
            try {
                // a start in progress finishes (or fails) on its own and then sees the stop
                server = keycloakStart.get(90, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                server = null;
            }
        }
        if (server != null) {
            quietly("keycloak", server::close);
        }
    }

    private void quietly(String component, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            console.note("could not stop " + component + " cleanly: " + e.getMessage());
        }
    }

    private Path postgresDataDir() {
        return settings.dataDir().resolve("postgres");
    }

    private Path zipkinLog() {
        return settings.logsDir().resolve("zipkin.log");
    }

    private Path keycloakLog() {
        return settings.logsDir().resolve("keycloak.log");
    }
}
