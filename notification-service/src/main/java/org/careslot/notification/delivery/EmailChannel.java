package org.careslot.notification.delivery;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * E-mail over SMTP with Spring's {@link JavaMailSenderImpl} (host, port, credentials and STARTTLS from
 * {@code spring.mail.*}): a multipart/alternative message with a plain-text and an HTML part. The Message-ID is the
 * message's own stable id, so a resend after an unclear outcome is recognisable as the same message.
 */
@Component
public class EmailChannel implements NotificationChannel {

    public static final String NAME = "EMAIL";

    private final JavaMailSenderImpl mail;
    private final InternetAddress from;

    public EmailChannel(JavaMailSenderImpl mail, @Value("${reminders.mail.from}") String from) {
        this.mail = mail;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("reminders.mail.from is not an e-mail address", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryException {
        if (message.address() == null || message.address().isBlank()) {
            throw DeliveryException.permanent("no e-mail address known for the recipient");
        }
        MimeMessage mime = new StableIdMessage(mail, message.messageId());
        try {
            InternetAddress to = new InternetAddress(message.address(), true);
            if (message.recipientName() != null && !message.recipientName().isBlank()) {
                to.setPersonal(message.recipientName(), StandardCharsets.UTF_8.name());
            }
            MimeMessageHelper helper = new SharedFileTypesHelper(mime);
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
        } catch (AddressException e) {
            throw DeliveryException.permanent("the recipient's e-mail address is malformed");
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw DeliveryException.permanent("the message could not be composed");
        }
        try {
            mail.send(mime);
        } catch (MailAuthenticationException e) {
            throw DeliveryException.transientFailure("the SMTP server refused the credentials");
        } catch (MailSendException e) {
            throw classify(e);
        } catch (MailException e) {
            throw DeliveryException.transientFailure("the SMTP server could not be reached or failed");
        }
    }

    /** Exception texts of JavaMail name addresses: only a category leaves this method. */
    private static DeliveryException classify(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0) {
                    return DeliveryException.permanent("the SMTP server refused the recipient's address");
                }
            }
        }
        return DeliveryException.transientFailure("the SMTP server could not be reached or failed");
    }

    /**
     * A {@link MimeMessageHelper} that does not build a new file type map for every message: Spring's helper does for
     * a message it did not create itself, reading the {@code mime.types} table out of the jar each time (13 % of the
     * service's CPU while it sent a mail per booking). The map is only consulted for attachments, which these
     * messages do not have.
     */
    private static final class SharedFileTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap FILE_TYPES = loadedFileTypes();

        SharedFileTypesHelper(MimeMessage mime) throws MessagingException {
            super(mime, true, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return FILE_TYPES;
        }

        private static FileTypeMap loadedFileTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    /** Keeps the given Message-ID (JavaMail would otherwise generate a new one on every save). */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(JavaMailSenderImpl mail, String messageId) {
            super(mail.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
