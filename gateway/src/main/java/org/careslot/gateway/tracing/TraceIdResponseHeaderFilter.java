package org.careslot.gateway.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Puts {@code X-Trace-Id} (the W3C trace id of the request's trace) on every response the gateway sends:
 * proxied answers, 401/403/404/429/5xx problems and CORS preflights alike, so a user can quote it to operators.
 * The server observation is opened by the web handler adapter before any filter runs, so its span is known here.
 */
@Component
public class TraceIdResponseHeaderFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Trace-Id";
    public static final String ATTRIBUTE = TraceIdResponseHeaderFilter.class.getName() + ".traceId";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceId = traceId(exchange);
        exchange.getAttributes().put(ATTRIBUTE, traceId);
        // set just before commit: a proxied response's headers are copied onto ours after this filter has run
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, traceId);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static String traceId(ServerWebExchange exchange) {
        var observationContext = ServerRequestObservationContext.findCurrent(exchange.getAttributes());
        if (observationContext.isPresent()) {
            String fromSpan = traceIdOf(observationContext.get());
            if (fromSpan != null) {
                return fromSpan;
            }
        }
        // tracing switched off: keep the caller's trace id if it sent one, else make one up so the header is never missing
        String traceparent = exchange.getRequest().getHeaders().getFirst("traceparent");
        if (traceparent != null) {
            var match = TRACEPARENT.matcher(traceparent.trim());
            if (match.matches()) {
                return match.group(1);
            }
        }
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String traceIdOf(Observation.Context context) {
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        if (tracing == null || tracing.getSpan() == null) {
            return null;
        }
        String traceId = tracing.getSpan().context().traceId();
        return traceId == null || traceId.isBlank() || traceId.chars().allMatch(c -> c == '0') ? null : traceId;
    }
}
