package org.careslot.platform.messaging.relay;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The relay's hop in a trace: for an outbox event that carries a {@code traceparent} (the span that wrote the row),
 * a producer span, child of that span, that lasts until Kafka acknowledged the record; the record's
 * {@code traceparent} header then names this span, so consumers continue the trace beneath the relay. Events
 * written outside any trace stay untraced.
 */
public interface RelayTracing {

    /** The relay span of one record; {@link #NONE} when there is none. */
    interface RelaySpan {

        void acknowledged();

        void failed(Throwable error);
    }

    RelaySpan NONE_SPAN = new RelaySpan() {
        @Override
        public void acknowledged() {
        }

        @Override
        public void failed(Throwable error) {
        }
    };

    /** No relay spans: records keep the row's {@code traceparent} as it is. */
    RelayTracing NONE = record -> NONE_SPAN;

    /** Starts the record's relay span and points its {@code traceparent} header at it, before it is sent. */
    RelaySpan start(ProducerRecord<String, byte[]> record);
}
