package org.careslot.platform.messaging.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * Adds {@value #HEADER} to dead letters: the handler's own exception ({@code Class: message}) without
 * the listener-adapter wrapping, short enough to read in any Kafka tool. Spring's full
 * {@code kafka_dlt-exception-*} headers are kept as well.
 */
public final class FailureReason implements BiFunction<ConsumerRecord<?, ?>, Exception, Headers> {

    public static final String HEADER = "failure-reason";
    private static final int MAX_LENGTH = 1_000;

    @Override
    public Headers apply(ConsumerRecord<?, ?> record, Exception exception) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, describe(exception).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    public static String describe(Throwable exception) {
        Throwable cause = exception;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getName() + ": " + cause.getMessage();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }
}
