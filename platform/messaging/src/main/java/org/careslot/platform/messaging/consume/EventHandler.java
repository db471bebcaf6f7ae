package org.careslot.platform.messaging.consume;

/**
 * Applies one event type's {@code data}, already bound to {@code T}, inside the consumer's transaction. Called
 * only for an event not processed before and newer than what this consumer applied for the aggregate.
 * Throw {@link org.careslot.platform.messaging.envelope.InvalidEventException} for data that breaks the contract
 * (dead-lettered at once); any other exception rolls the transaction back and the record is retried.
 *
 * @param <T> the record {@code data} is bound to (snake_case fields, unknown ones ignored)
 */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(T data, IncomingEvent event);
}
