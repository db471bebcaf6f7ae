package org.careslot.platform.testkit;

import java.nio.file.Path;

/**
 * The servers of this test JVM: each starts on first use and stops when the JVM exits, so all test
 * classes of a module share one PostgreSQL, one Kafka, one Keycloak and one SMTP server. Which implementation runs
 * them is chosen once per JVM by {@code -Dcareslot.infrastructure} (see {@link TestServers}): by default real servers
 * from Maven artifacts, with the Maven profile {@code testcontainers} Docker containers.
 */
public final class TestInfrastructure {

    /** Master-realm admin of the test Keycloak (for the admin REST API); its password is random per JVM. */
    public static final String KEYCLOAK_BOOTSTRAP_ADMIN = "bootstrap-admin";

    private static TestServers servers;
    private static RuntimeException unavailable;
    private static TestPostgres postgres;
    private static TestKafka kafka;
    private static TestKeycloak keycloak;
    private static TestSmtp smtp;

    private TestInfrastructure() {
    }

    public static synchronized TestPostgres postgres() {
        if (postgres == null) {
            postgres = servers().startPostgres();
        }
        return postgres;
    }

    public static synchronized TestKafka kafka() {
        if (kafka == null) {
            kafka = servers().startKafka();
        }
        return kafka;
    }

    /** Keycloak with the {@code appointments} realm freshly imported (in-memory database), on free ports. */
    public static synchronized TestKeycloak keycloak() {
        if (keycloak == null) {
            keycloak = servers().startKeycloak();
        }
        return keycloak;
    }

    public static synchronized TestSmtp smtp() {
        if (smtp == null) {
            smtp = servers().startSmtp();
        }
        return smtp;
    }

    /** Chosen once; a choice that cannot work (no Docker) fails every later test class at once, with its reason. */
    private static TestServers servers() {
        if (unavailable != null) {
            throw new IllegalStateException(unavailable.getMessage(), unavailable);
        }
        if (servers == null) {
            try {
                servers = TestServers.chosen();
            } catch (RuntimeException e) {
                unavailable = e;
                throw e;
            }
        }
        return servers;
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
