package org.careslot.gateway.security;

import org.careslot.gateway.GatewayApplication;
import org.careslot.gateway.support.FakeService;
import org.careslot.gateway.support.GatewayClient;
import org.careslot.platform.security.SigningKeys;
import org.careslot.platform.testkit.security.ForgedTokens;
import org.careslot.platform.testkit.KeycloakTokens;
import org.careslot.platform.testkit.KeycloakTokens.TestUser;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.TestInfrastructure;
import org.careslot.platform.testkit.TestKeycloak;
import org.careslot.platform.testkit.net.CuttableLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careslot.gateway.support.Problems.assertProblem;

/**
 * Keycloak going away from a running gateway, with real Keycloak tokens. The gateway reaches Keycloak's JWKS through a
 * link the test cuts (the issuer in the tokens stays Keycloak's own URL). Keys fetched at start-up keep valid tokens
 * working while Keycloak is away, also for a gateway that had not seen a single token before; a token of a key
 * Keycloak never published stays a 401. Only a gateway that never got the keys answers 503, until Keycloak is back.
 *
 * <p>Not {@code @RealInfrastructure}: its system properties (Keycloak's URL) would outlive this class and reach the
 * other gateway tests of the JVM, which use their own JWKS; the gateway gets its settings as arguments instead.
 */
@Tag(RealInfrastructure.TAG)
class KeycloakOutageTest {

    static final FakeService BOOKING = FakeService.start("booking");
    static TestKeycloak keycloak;
    static TestUser patient;

    @BeforeAll
    static void keycloak() {
        keycloak = TestInfrastructure.keycloak();
        patient = KeycloakTokens.shared().createUser("PATIENT");
    }

    @AfterAll
    static void stopServices() {
        BOOKING.close();
    }

    @Test
    void keysFetchedAtStartUpKeepTokensWorkingWhileKeycloakIsAway() {
        try (CuttableLink link = linkToKeycloak(); ConfigurableApplicationContext app = gateway(link)) {
            GatewayClient gateway = client(app);
            await().atMost(Duration.ofSeconds(60)).until(() -> app.getBean(SigningKeys.class).fetchedAt().isPresent());
            String token = token();

            link.cut();

            // no token was ever presented to this gateway before Keycloak went away
            HttpResponse<String> authenticated = gateway.get("/api/v1/appointments/", token);
            assertThat(authenticated.statusCode()).as(authenticated.body()).isEqualTo(200);
            assertThat(BOOKING.nextRequest().header("Authorization")).isEqualTo("Bearer " + token);
            // an unknown key id: the refresh fails, the keys in memory stay, the token is simply not valid
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> unknownKey = gateway.get("/api/v1/appointments/", tokenOfUnknownKey());
                assertProblem(unknownKey, 401);
                assertThat(unknownKey.headers().firstValue("WWW-Authenticate").orElseThrow())
                        .contains("invalid_token");
            }
            assertThat(gateway.get("/api/v1/appointments/", token).statusCode()).isEqualTo(200);
            BOOKING.nextRequest();

            link.restore();

            assertThat(gateway.get("/api/v1/appointments/", token()).statusCode()).isEqualTo(200);
            BOOKING.nextRequest();
            assertProblem(gateway.get("/api/v1/appointments/", tokenOfUnknownKey()), 401);
            assertThat(BOOKING.pendingRequests()).isZero();
        }
    }

    @Test
    void aGatewayThatNeverGotTheKeysAnswers503UntilKeycloakIsReachable() {
        try (CuttableLink link = linkToKeycloak()) {
            link.cut();
            try (ConfigurableApplicationContext app = gateway(link)) {
                GatewayClient gateway = client(app);
                String token = token();

                var problem = assertProblem(gateway.get("/api/v1/appointments/", token), 503);
                assertThat(problem.get("detail").asString()).contains("identity provider");
                assertThat(BOOKING.pendingRequests()).isZero();

                // Keycloak became reachable (as when it starts after the gateway)
                link.restore();

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> gateway.get("/api/v1/appointments/", token).statusCode() == 200);
                BOOKING.forgetRequests();
            }
        }
    }

    static CuttableLink linkToKeycloak() {
        URI keycloakUrl = URI.create(keycloak.baseUrl());
        return new CuttableLink(keycloakUrl.getHost(), keycloakUrl.getPort());
    }

    static ConfigurableApplicationContext gateway(CuttableLink link) {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--careslot.keycloak.url=" + keycloak.baseUrl(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + link.port()
                        + "/realms/" + TestKeycloak.REALM + "/protocol/openid-connect/certs",
                "--BOOKING_URL=" + BOOKING.url());
    }

    static GatewayClient client(ConfigurableApplicationContext app) {
        return new GatewayClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    static String token() {
        return KeycloakTokens.shared().accessToken(patient.email(), patient.password());
    }

    static String tokenOfUnknownKey() {
        return ForgedTokens.signedByAnUnknownKey(keycloak.issuerUri(), patient.id(), "PATIENT");
    }
}
