package org.careslot.platform.web.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Adds {@code X-Trace-Id} (the W3C trace id of the request's trace) to every response, errors included, so a
 * user can quote it to operators. Runs right after the observation filter has opened the server span.
 */
public class TraceIdResponseHeaderFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Trace-Id";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    private final Tracer tracer;

    /** @param tracer null when tracing is not on the classpath */
    public TraceIdResponseHeaderFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, traceId(request));
        chain.doFilter(request, response);
    }

    private String traceId(HttpServletRequest request) {
        if (tracer != null) {
            TraceContext context = tracer.currentTraceContext().context();
            if (context != null) {
                return context.traceId();
            }
        }
        String traceparent = request.getHeader("traceparent");
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
}
