package org.careslot.platform.testkit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.careslot.platform.testkit.KeycloakTokens.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealInfrastructure(postgres = false, kafka = false, keycloak = true, smtp = true)
class KeycloakAndSmtpTest {

    @Test
    void keycloaksCoordinatesArePublished() {
        assertThat(System.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(TestInfrastructure.keycloak().issuerUri())
                .endsWith("/realms/appointments");
        assertThat(System.getProperty("careslot.keycloak.url")).isEqualTo(TestInfrastructure.keycloak().baseUrl());
    }

    @Test
    void theRealmsDefaultAdminLogsInWithRoleAdmin() {
        String token = KeycloakTokens.shared().accessToken("admin@example.com", "Admin.1234");

        JsonNode claims = claims(token);
        assertThat(claims.get("iss").asString()).isEqualTo(TestInfrastructure.keycloak().issuerUri());
        assertThat(claims.get("realm_access").get("roles").toString()).contains("\"ADMIN\"");
    }

    @Test
    void createdUsersGetTheirRoleAndWrongPasswordsAreRefused() {
        KeycloakTokens tokens = KeycloakTokens.shared();
        TestUser doctor = tokens.createUser("DOCTOR");

        JsonNode claims = claims(tokens.accessToken(doctor.email(), doctor.password()));
        assertThat(claims.get("sub").asString()).isEqualTo(doctor.id());
        assertThat(claims.get("realm_access").get("roles").toString()).contains("\"DOCTOR\"").doesNotContain("ADMIN");
        assertThatThrownBy(() -> tokens.accessToken(doctor.email(), "Wrong.Pass1!"))
                .hasMessageContaining("401");
    }

    @Test
    void smtpServerReceivesRealMail() throws Exception {
        var smtp = TestInfrastructure.smtp();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", System.getProperty("spring.mail.host"));
        properties.put("mail.smtp.port", System.getProperty("spring.mail.port"));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@careslot.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("kit-check@careslot.test"));
        message.setSubject("kit check");
        message.setText("hello");
        Transport.send(message);

        // stored before the server acknowledged it: no waiting
        assertThat(smtp.receivedMessagesTo("kit-check@careslot.test"))
                .extracting(MimeMessage::getSubject).containsExactly("kit check");
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.builder().build().readTree(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
