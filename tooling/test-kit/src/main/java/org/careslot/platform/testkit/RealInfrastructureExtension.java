package org.careslot.platform.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** See {@link RealInfrastructure}. */
public final class RealInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RealInfrastructure wanted = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), RealInfrastructure.class)
                .orElseThrow();
        if (wanted.postgres()) {
            var postgres = TestInfrastructure.postgres();
            postgres.createDatabase(wanted.database());
            System.setProperty("spring.datasource.url", postgres.jdbcUrl(wanted.database()));
            System.setProperty("spring.datasource.username", postgres.username());
            System.setProperty("spring.datasource.password", postgres.password());
            // Replication slots are per server, not per database: test classes sharing the server need their own.
            System.setProperty("careslot.messaging.relay.slot-name", wanted.database() + "_outbox");
        }
        if (wanted.kafka()) {
            System.setProperty("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        }
        if (wanted.keycloak()) {
            var keycloak = TestInfrastructure.keycloak();
            System.setProperty("careslot.keycloak.url", keycloak.baseUrl());
            System.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri());
            System.setProperty("careslot.keycloak.admin-username", keycloak.bootstrapAdminUser());
            System.setProperty("careslot.keycloak.admin-password", keycloak.bootstrapAdminPassword());
        }
        if (wanted.smtp()) {
            var smtp = TestInfrastructure.smtp();
            System.setProperty("spring.mail.host", smtp.host());
            System.setProperty("spring.mail.port", Integer.toString(smtp.smtpPort()));
        }
    }
}
