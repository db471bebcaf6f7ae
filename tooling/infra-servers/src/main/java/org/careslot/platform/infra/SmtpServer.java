package org.careslot.platform.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail, SMTP only) that accepts every message without authentication and keeps it in
 * memory, so tests and the local stack can see what the platform sent.
 */
public final class SmtpServer implements AutoCloseable {

    private static final String BIND_ADDRESS = "localhost";

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** @param port 0 for a free port */
    public static SmtpServer start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new SmtpServer(greenMail);
    }

    public String host() {
        return BIND_ADDRESS;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received since the start (or the last {@link #purge()}), oldest first. */
    public List<MimeMessage> receivedMessages() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The messages delivered to {@code address} (SMTP envelope recipient, so Bcc counts; case-insensitive). */
    public List<MimeMessage> receivedMessagesTo(String address) {
        return greenMail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
                .toList();
    }

    /**
     * Blocks until at least {@code count} messages have arrived in total (since the start or the last purge).
     *
     * @return whether they arrived within the timeout
     */
    public boolean waitForIncomingEmail(Duration timeout, int count) {
        return greenMail.waitForIncomingEmail(timeout.toMillis(), count);
    }

    /** Forgets all received messages (servers are shared by the test classes of a JVM). */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("could not purge received mail", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
