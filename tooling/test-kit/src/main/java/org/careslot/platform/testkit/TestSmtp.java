package org.careslot.platform.testkit;

import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * The test SMTP server (GreenMail, no authentication), whichever implementation runs it. A message is stored before
 * the server acknowledges it, so what a sender has sent is there to read.
 */
public interface TestSmtp {

    String host();

    int smtpPort();

    /** The messages delivered to {@code address} (SMTP envelope recipient, so Bcc counts), oldest first. */
    List<MimeMessage> receivedMessagesTo(String address);
}
