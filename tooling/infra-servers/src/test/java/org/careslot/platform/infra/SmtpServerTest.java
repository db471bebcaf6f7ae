package org.careslot.platform.infra;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("integration") // RealInfrastructure.TAG (the test kit is no dependency here): runs in the integration-test phase
class SmtpServerTest {

    @Test
    void receivesMailSentOverSmtpOnAFreePort() throws Exception {
        try (SmtpServer smtp = SmtpServer.start(0)) {
            assertThat(smtp.smtpPort()).isPositive();

            Properties properties = new Properties();
            properties.put("mail.smtp.host", smtp.host());
            properties.put("mail.smtp.port", Integer.toString(smtp.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("noreply@careslot.test"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("patient@example.com"));
            message.setRecipient(Message.RecipientType.BCC, new InternetAddress("audit@example.com"));
            message.setSubject("Appointment reminder");
            message.setText("See you tomorrow at 10:00.");
            Transport.send(message);

            assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(10), 2)).isTrue();
            assertThat(smtp.receivedMessagesTo("Patient@Example.com"))
                    .singleElement()
                    .satisfies(received -> {
                        assertThat(received.getSubject()).isEqualTo("Appointment reminder");
                        assertThat(((String) received.getContent()).trim()).isEqualTo("See you tomorrow at 10:00.");
                    });
            assertThat(smtp.receivedMessagesTo("audit@example.com")).hasSize(1);

            smtp.purge();
            assertThat(smtp.receivedMessages()).isEmpty();
        }
    }
}
