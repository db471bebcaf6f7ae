package org.careslot.platform.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the current span of Micrometer Tracing (whatever bridge the service runs). */
public final class MicrometerTraceparentProvider implements TraceparentProvider {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final String ZEROS = "0".repeat(32);

    private final ObjectProvider<Tracer> tracer;

    /** The tracer is looked up per call: it may be created after this bean, or not at all. */
    public MicrometerTraceparentProvider(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public Optional<String> currentTraceparent() {
        Tracer current = tracer.getIfAvailable();
        if (current == null) {
            return Optional.empty();
        }
        Span span = current.currentSpan();
        if (span == null || span.isNoop()) {
            return Optional.empty();
        }
        return format(span.context());
    }

    static Optional<String> format(TraceContext context) {
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId == null || spanId == null || traceId.length() > 32 || spanId.length() > 16
                || !HEX.matcher(traceId).matches() || !HEX.matcher(spanId).matches()) {
            return Optional.empty();
        }
        // W3C wants 32 hex digits; 64-bit trace ids (e.g. Brave) are left-padded with zeros
        String paddedTraceId = ZEROS.substring(traceId.length()) + traceId;
        String paddedSpanId = ZEROS.substring(16 + spanId.length()) + spanId;
        if (paddedTraceId.equals(ZEROS) || paddedSpanId.equals(ZEROS.substring(16))) {
            return Optional.empty();
        }
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return Optional.of("00-" + paddedTraceId + "-" + paddedSpanId + "-" + flags);
    }
}
