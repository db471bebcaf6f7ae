package org.careslot.notification.delivery;

/**
 * A way to reach a person (e-mail today; SMS can be added as another implementation). Implementations send one
 * message synchronously and say how it failed; they never log addresses or message content.
 */
public interface NotificationChannel {

    /** The channel's name as stored and shown ({@code EMAIL}, later {@code SMS}). */
    String name();

    /** @throws DeliveryException when the message was not accepted */
    void send(OutgoingMessage message) throws DeliveryException;
}
