package org.careslot.platform.messaging.relay;

/** What the relay of this process is doing. */
public enum RelayState {
    /** not started, or stopped with the application context */
    STOPPED,
    /** another replica holds the relay lock; this one takes over when it goes away */
    STANDBY,
    /** lock held, engine starting */
    STARTING,
    /** engine streaming the outbox to Kafka */
    RUNNING,
    /** the engine failed or the lock connection broke; restarting after a delay */
    FAILED
}
