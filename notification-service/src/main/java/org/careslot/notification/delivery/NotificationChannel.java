package org.careslot.notification.delivery;

/**
 * A way to reach a person (e-mail, SMS). Implementations send one message synchronously and say how it failed; they
 * never log addresses or message content.
 */
public interface NotificationChannel {

    /** The channel's name as stored and shown ({@code EMAIL}, {@code SMS}). */
    String name();

    /** Configured in this deployment: messages are only planned on available channels. */
    default boolean available() {
        return true;
    }

    /** @throws DeliveryException when the message was not accepted */
    void send(OutgoingMessage message) throws DeliveryException;
}
