package org.careslot.platform.messaging.relay;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.ObjectProvider;

import java.nio.charset.StandardCharsets;

/** {@link RelayTracing} with Micrometer Tracing (whatever bridge the service runs). */
public final class MicrometerRelayTracing implements RelayTracing {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    /** Looked up per record: the relay starts before, and independently of, the tracing beans. */
    public MicrometerRelayTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public RelaySpan start(ProducerRecord<String, byte[]> record) {
        Header traceparent = record.headers().lastHeader(KafkaForwarder.TRACEPARENT);
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        if (traceparent == null || currentTracer == null || currentPropagator == null) {
            return NONE_SPAN;
        }
        String parent = new String(traceparent.value(), StandardCharsets.UTF_8);
        Span span = currentPropagator.extract(record.headers(), MicrometerRelayTracing::header)
                .name("outbox relay " + record.topic())
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .start();
        if (span.isNoop() || span.context().spanId() == null) {
            return NONE_SPAN;
        }
        record.headers().remove(KafkaForwarder.TRACEPARENT);
        currentPropagator.inject(span.context(), record.headers(), (headers, key, value) -> {
            if (headers != null) {
                headers.remove(key);
                headers.add(key, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        if (record.headers().lastHeader(KafkaForwarder.TRACEPARENT) == null) {
            // a propagator without W3C: keep the row's context rather than lose the trace
            record.headers().add(KafkaForwarder.TRACEPARENT, parent.getBytes(StandardCharsets.UTF_8));
        }
        return new RelaySpan() {
            @Override
            public void acknowledged() {
                span.end();
            }

            @Override
            public void failed(Throwable error) {
                span.error(error);
                span.end();
            }
        };
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
