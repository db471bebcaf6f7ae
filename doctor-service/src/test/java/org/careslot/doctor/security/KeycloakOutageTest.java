package org.careslot.doctor.security;

import org.careslot.doctor.DoctorApplication;
import org.careslot.doctor.support.Profiles;
import org.careslot.doctor.support.Tokens;
import org.careslot.doctor.support.Tokens.Caller;
import org.careslot.platform.security.SigningKeys;
import org.careslot.platform.testkit.security.ForgedTokens;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.TestInfrastructure;
import org.careslot.platform.testkit.TestKeycloak;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.careslot.platform.testkit.net.CuttableLink;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak going away from a running service that has not seen a single token yet: the signing keys it fetched at
 * start-up keep real tokens working, for reads and writes; a token of a key Keycloak never published is a 401. The
 * service reaches Keycloak's JWKS through a link the test cuts; the issuer in the tokens stays Keycloak's own URL.
 */
@RealInfrastructure(database = "doctor_keycloak_outage", keycloak = true)
class KeycloakOutageTest {

    @Test
    void keysFetchedAtStartUpKeepTokensWorkingWhileKeycloakIsAway() {
        TestKeycloak keycloak = TestInfrastructure.keycloak();
        URI keycloakUrl = URI.create(keycloak.baseUrl());
        try (CuttableLink link = new CuttableLink(keycloakUrl.getHost(), keycloakUrl.getPort());
             ConfigurableApplicationContext service = new SpringApplicationBuilder(DoctorApplication.class).run(
                     "--server.port=0",
                     "--spring.kafka.consumer.group-id=doctor-keycloak-outage-test",
                     "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + link.port()
                             + "/realms/" + TestKeycloak.REALM + "/protocol/openid-connect/certs")) {
            ServiceHttp http = new ServiceHttp(((WebServerApplicationContext) service).getWebServer().getPort());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> service.getBean(SigningKeys.class).fetchedAt().isPresent());
            Caller doctor = Tokens.newUser("DOCTOR");

            link.cut();

            Answer created = http.put("/api/v1/doctors/me/profile/", Profiles.profile("cardiology", 500, 12),
                    doctor.token());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            Answer read = http.get("/api/v1/doctors/me/profile/", doctor.token());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.text("id")).isEqualTo(doctor.id().toString());
            Answer unknownKey = http.get("/api/v1/doctors/me/profile/", tokenOfUnknownKey(keycloak, doctor));
            assertThat(unknownKey.status()).as(unknownKey.body()).isEqualTo(401);

            link.restore();

            Caller another = Tokens.newUser("DOCTOR");
            assertThat(http.get("/api/v1/doctors/me/profile/", another.token()).status())
                    .as("authenticated, no profile yet").isEqualTo(404);
        }
    }

    static String tokenOfUnknownKey(TestKeycloak keycloak, Caller caller) {
        return ForgedTokens.signedByAnUnknownKey(keycloak.issuerUri(), caller.id().toString(), "DOCTOR");
    }
}
