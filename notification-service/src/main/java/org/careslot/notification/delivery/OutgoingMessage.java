package org.careslot.notification.delivery;

import java.util.Objects;

/**
 * One message to one person.
 *
 * @param messageId     stable per message (not per attempt): a retry after an unclear outcome carries the same id, so
 *                      mail systems and SMS gateways can recognise the duplicate
 * @param address       where to: the e-mail address or the phone number, by channel (personal data: never logged)
 * @param recipientName shown beside the address
 * @param shortText     the short plain version for channels with little room (SMS): no medical data, like the rest
 */
public record OutgoingMessage(String messageId, String address, String recipientName, String subject, String text,
                              String html, String shortText) {

    public OutgoingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(shortText, "shortText");
    }

    @Override
    public String toString() { // the address and the text are personal data
        return "OutgoingMessage[" + messageId + "]";
    }
}
