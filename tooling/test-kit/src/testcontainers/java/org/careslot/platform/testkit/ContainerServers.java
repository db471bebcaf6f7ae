package org.careslot.platform.testkit;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.careslot.platform.infra.KeycloakServer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The servers of {@link TestInfrastructure} as Docker containers, for {@code -Ptestcontainers} (which compiles this
 * source directory, adds Testcontainers and sets {@code careslot.infrastructure=testcontainers} and the images).
 * Same behaviour as {@link LocalServers}: PostgreSQL 17 with logical decoding, Kafka in KRaft mode without topic
 * auto-creation, Keycloak with the {@code appointments} realm imported, GreenMail without authentication.
 * Untested where it was written (no Docker engine there); the default build never loads this class.
 */
final class ContainerServers implements TestServers {

    /** Image names; the Maven profile sets the ones whose versions the pom owns. */
    static final String POSTGRES_IMAGE = System.getProperty("careslot.testcontainers.postgres-image", "postgres:17");
    static final String KAFKA_IMAGE = System.getProperty("careslot.testcontainers.kafka-image",
            "apache/kafka:" + AppInfoParser.getVersion());
    static final String KEYCLOAK_IMAGE = System.getProperty("careslot.testcontainers.keycloak-image",
            "quay.io/keycloak/keycloak:26.5.6");
    static final String GREENMAIL_IMAGE = System.getProperty("careslot.testcontainers.greenmail-image",
            "greenmail/standalone:2.1.8");
    /** Where platform-infra-servers ships platform/keycloak/appointments-realm.json. */
    static final String REALM_RESOURCE = "keycloak/appointments-realm.json";

    ContainerServers() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("careslot.infrastructure=testcontainers (Maven profile -Ptestcontainers) "
                    + "runs the test servers as Docker containers, but Testcontainers found no Docker engine "
                    + "(DOCKER_HOST, /var/run/docker.sock, ~/.testcontainers.properties). Start Docker, or build "
                    + "without -Ptestcontainers: the default servers need no Docker.");
        }
    }

    @Override
    public TestPostgres startPostgres() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
                .withEnv("POSTGRES_PASSWORD", "postgres")
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=32",
                        "-c", "max_wal_senders=32", "-c", "max_connections=300", "-c", "fsync=off")
                .withExposedPorts(5432)
                // the entrypoint starts the server twice (init, then for real)
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        start(container);
        String base = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
        return new TestPostgres() {
            @Override
            public String jdbcUrl(String database) {
                return base + database;
            }

            @Override
            public String username() {
                return "postgres";
            }

            @Override
            public String password() {
                return "postgres";
            }

            @Override
            public void createDatabase(String name) {
                if (!name.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("database name must be a lower-case identifier: " + name);
                }
                try (var connection = DriverManager.getConnection(base + "postgres", username(), password());
                     var statement = connection.createStatement()) {
                    var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE " + name);
                    }
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another caller won the race
                        throw new IllegalStateException("could not create database " + name, e);
                    }
                }
            }
        };
    }

    @Override
    public TestKafka startKafka() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        start(container);
        return container::getBootstrapServers;
    }

    @Override
    public TestKeycloak startKeycloak() {
        String adminPassword = UUID.randomUUID().toString();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(KEYCLOAK_IMAGE))
                .withCommand("start-dev", "--import-realm", "--health-enabled=true", KeycloakServer.CONCURRENT_LOGINS)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", TestInfrastructure.KEYCLOAK_BOOTSTRAP_ADMIN)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword)
                .withCopyFileToContainer(MountableFile.forClasspathResource(REALM_RESOURCE),
                        "/opt/keycloak/data/import/appointments-realm.json")
                .withExposedPorts(8080, 9000)
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(5)));
        start(container);
        // no --hostname: the issuer follows the Host of each request, and every caller uses this one
        String baseUrl = "http://" + container.getHost() + ":" + container.getMappedPort(8080);
        return new TestKeycloak() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public String bootstrapAdminUser() {
                return TestInfrastructure.KEYCLOAK_BOOTSTRAP_ADMIN;
            }

            @Override
            public String bootstrapAdminPassword() {
                return adminPassword;
            }
        };
    }

    /** SMTP for the services, IMAP to read a recipient's mail (GreenMail creates each recipient, password = login). */
    @Override
    public TestSmtp startSmtp() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(GREENMAIL_IMAGE))
                .withEnv("GREENMAIL_OPTS", "-Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap "
                        + "-Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled")
                .withExposedPorts(3025, 3143)
                .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)));
        start(container);
        String host = container.getHost();
        int imapPort = container.getMappedPort(3143);
        return new TestSmtp() {
            @Override
            public String host() {
                return host;
            }

            @Override
            public int smtpPort() {
                return container.getMappedPort(3025);
            }

            @Override
            public List<MimeMessage> receivedMessagesTo(String address) {
                try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
                    store.connect(host, imapPort, address, address);
                    Folder inbox = store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    List<MimeMessage> copies = new ArrayList<>();
                    for (Message message : inbox.getMessages()) {
                        copies.add(new MimeMessage((MimeMessage) message)); // readable after the folder closes
                    }
                    inbox.close(false);
                    return copies;
                } catch (AuthenticationFailedException noSuchRecipientYet) {
                    return List.of();
                } catch (MessagingException e) {
                    throw new IllegalStateException("cannot read the mail of " + address + " over IMAP", e);
                }
            }
        };
    }

    private static void start(GenericContainer<?> container) {
        container.start();
        TestInfrastructure.stopOnExit(container::stop);
    }
}
