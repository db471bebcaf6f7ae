package org.careslot.notification.delivery;

/**
 * A message was not delivered. The message is safe to store, publish and log: it never names an address or content.
 * {@link #permanent()} failures (an address the server refuses or that is malformed) are not retried.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String reason, boolean permanent) {
        super(reason, null, false, false);
        this.permanent = permanent;
    }

    public static DeliveryException permanent(String reason) {
        return new DeliveryException(reason, true);
    }

    public static DeliveryException transientFailure(String reason) {
        return new DeliveryException(reason, false);
    }

    public boolean permanent() {
        return permanent;
    }
}
