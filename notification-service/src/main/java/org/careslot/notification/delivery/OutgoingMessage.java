package org.careslot.notification.delivery;

import java.util.Objects;

/**
 * One message to one person.
 *
 * @param messageId     stable per message (not per attempt): a retry after an unclear outcome carries the same id, so
 *                      mail systems can recognise the duplicate
 * @param address       where to (e-mail address; personal data: never logged)
 * @param recipientName shown beside the address
 */
public record OutgoingMessage(String messageId, String address, String recipientName, String subject, String text,
                              String html) {

    public OutgoingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() { // the address and the text are personal data
        return "OutgoingMessage[" + messageId + "]";
    }
}
