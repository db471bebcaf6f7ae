package org.careslot.platform.testkit;

import org.careslot.platform.infra.KafkaServer;
import org.careslot.platform.infra.KeycloakServer;
import org.careslot.platform.infra.KeycloakServer.KeycloakSettings;
import org.careslot.platform.infra.PostgresServer;
import org.careslot.platform.infra.SmtpServer;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The servers of this test JVM: each starts on first use and stops when the JVM exits, so all test
 * classes of a module share one PostgreSQL, one Kafka, one Keycloak and one SMTP server.
 */
public final class TestInfrastructure {

    /** Master-realm admin of the test Keycloak (for the admin REST API); its password is random per JVM. */
    public static final String KEYCLOAK_BOOTSTRAP_ADMIN = "bootstrap-admin";

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static KeycloakServer keycloak;
    private static SmtpServer smtp;

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(0, null);
            stopOnExit(postgres);
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.start(0);
            stopOnExit(kafka);
        }
        return kafka;
    }

    /**
     * Keycloak with the {@code appointments} realm freshly imported (in-memory database), on free ports. The
     * distribution is unpacked once per build under the repository's {@code target/keycloak}, shared by all modules.
     */
    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            Path logFile = Path.of("target", "keycloak-logs", "keycloak-" + ProcessHandle.current().pid() + ".log")
                    .toAbsolutePath();
            keycloak = KeycloakServer.start(new KeycloakSettings(keycloakInstallRoot(), 0, 0, false, logFile,
                    KEYCLOAK_BOOTSTRAP_ADMIN, UUID.randomUUID().toString(), Map.of()));
            // KeycloakServer registers its own shutdown hook
        }
        return keycloak;
    }

    public static synchronized SmtpServer smtp() {
        if (smtp == null) {
            smtp = SmtpServer.start(0);
            stopOnExit(smtp);
        }
        return smtp;
    }

    /** {@code <repository root>/target/keycloak}, shared by every module of a build. */
    static Path keycloakInstallRoot() {
        return EventContract.repositoryRoot().resolve("target/keycloak");
    }

    static void stopOnExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the JVM is going away; nothing useful to do with a failed stop
            }
        }));
    }
}
