package org.careslot.platform.messaging.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonTest {

    @Test
    void namesTheHandlersOwnExceptionWithoutTheListenerWrapping() {
        Exception wrapped = new ListenerExecutionFailedException("Listener method failed",
                new ListenerExecutionFailedException("again", new IllegalStateException("doctor d-1 unknown")));

        Headers headers = new FailureReason().apply(new ConsumerRecord<>("t.v1", 0, 0, "k", "v"), wrapped);

        assertThat(new String(headers.lastHeader(FailureReason.HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("java.lang.IllegalStateException: doctor d-1 unknown");
    }

    @Test
    void keepsAWrapperWithoutCause() {
        assertThat(FailureReason.describe(new ListenerExecutionFailedException("no handler")))
                .isEqualTo(ListenerExecutionFailedException.class.getName() + ": no handler");
    }

    @Test
    void isBounded() {
        assertThat(FailureReason.describe(new IllegalArgumentException("x".repeat(5_000)))).hasSize(1_000);
    }
}
