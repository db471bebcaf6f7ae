package org.careslot.platform.testkit;

import jakarta.mail.internet.MimeMessage;
import org.careslot.platform.infra.KafkaServer;
import org.careslot.platform.infra.KeycloakServer;
import org.careslot.platform.infra.KeycloakServer.KeycloakSettings;
import org.careslot.platform.infra.PostgresServer;
import org.careslot.platform.infra.SmtpServer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The default: real servers from Maven artifacts (platform-infra-servers), no Docker needed. */
final class LocalServers implements TestServers {

    @Override
    public TestPostgres startPostgres() {
        PostgresServer postgres = PostgresServer.start(0, null);
        TestInfrastructure.stopOnExit(postgres);
        return new TestPostgres() {
            @Override
            public String jdbcUrl(String database) {
                return postgres.jdbcUrl(database);
            }

            @Override
            public String username() {
                return postgres.username();
            }

            @Override
            public String password() {
                return postgres.password();
            }

            @Override
            public void createDatabase(String name) {
                postgres.createDatabase(name);
            }
        };
    }

    @Override
    public TestKafka startKafka() {
        KafkaServer kafka = KafkaServer.start(0);
        TestInfrastructure.stopOnExit(kafka);
        return kafka::bootstrapServers;
    }

    /**
     * In-memory database and free ports. The distribution is unpacked once per build under the repository's
     * {@code target/keycloak}, shared by all modules; KeycloakServer registers its own shutdown hook.
     */
    @Override
    public TestKeycloak startKeycloak() {
        Path logFile = Path.of("target", "keycloak-logs", "keycloak-" + ProcessHandle.current().pid() + ".log")
                .toAbsolutePath();
        KeycloakServer keycloak = KeycloakServer.start(new KeycloakSettings(TestInfrastructure.keycloakInstallRoot(),
                0, 0, false, logFile, TestInfrastructure.KEYCLOAK_BOOTSTRAP_ADMIN, UUID.randomUUID().toString(),
                Map.of()));
        return new TestKeycloak() {
            @Override
            public String baseUrl() {
                return keycloak.baseUrl();
            }

            @Override
            public String bootstrapAdminUser() {
                return keycloak.bootstrapAdminUser();
            }

            @Override
            public String bootstrapAdminPassword() {
                return keycloak.bootstrapAdminPassword();
            }
        };
    }

    @Override
    public TestSmtp startSmtp() {
        SmtpServer smtp = SmtpServer.start(0);
        TestInfrastructure.stopOnExit(smtp);
        return new TestSmtp() {
            @Override
            public String host() {
                return smtp.host();
            }

            @Override
            public int smtpPort() {
                return smtp.smtpPort();
            }

            @Override
            public List<MimeMessage> receivedMessagesTo(String address) {
                return smtp.receivedMessagesTo(address);
            }
        };
    }
}
