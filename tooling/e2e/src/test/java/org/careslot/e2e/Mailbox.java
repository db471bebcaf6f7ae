package org.careslot.e2e;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The local stack's mail server read over IMAP, as a developer's mail client reads it: one mailbox per recipient
 * address (the login), any password.
 */
final class Mailbox {

    /** One received message: its decoded subject and its plain-text part. */
    record Mail(String subject, String text) {
    }

    private Mailbox() {
    }

    /** Everything in {@code address}'s inbox, oldest first (empty while nothing was delivered to it). */
    static List<Mail> inbox(RunningStack stack, String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        Store store = null;
        try {
            store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", stack.imapPort(), address, "any-password");
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return List.of();
            }
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), plainText(message)));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read the mailbox of " + address + " over IMAP: " + e, e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // the answer is read already
                }
            }
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(plainText(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }
}
