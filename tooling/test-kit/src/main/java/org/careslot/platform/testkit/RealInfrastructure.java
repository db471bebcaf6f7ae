package org.careslot.platform.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the real servers a test class needs (once per test JVM, shared by every class that asks)
 * and publishes their coordinates as Spring Boot properties (system properties), before any
 * Spring context of the class is built. Put it before {@code @SpringBootTest}.
 *
 * <p>Properties set: {@code spring.datasource.url/username/password} (database {@link #database()}) and the
 * outbox relay's {@code careslot.messaging.relay.slot-name} ({@code <database>_outbox}: slots are per server),
 * {@code spring.kafka.bootstrap-servers}; with {@link #keycloak()}:
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code careslot.keycloak.url} and the master-realm
 * admin as {@code careslot.keycloak.admin-username/-password};
 * with {@link #smtp()}: {@code spring.mail.host} and {@code spring.mail.port}. Tokens for tests come from
 * {@link KeycloakTokens}.
 *
 * <p>Tagged {@value #TAG}: {@code ./mvnw test} leaves these classes out, {@code ./mvnw verify} runs them (failsafe).
 * Tests that start servers or a Spring context in another way carry {@code @Tag(RealInfrastructure.TAG)} themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RealInfrastructureExtension.class)
@Tag(RealInfrastructure.TAG)
public @interface RealInfrastructure {

    /** The JUnit tag of tests against real servers; the build runs them in its integration-test phase. */
    String TAG = "integration";

    boolean postgres() default true;

    /** The database the datasource properties point at; created on first use. */
    String database() default "app";

    boolean kafka() default true;

    boolean keycloak() default false;

    boolean smtp() default false;
}
