package org.careslot.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationView;

/**
 * Keeps health probes and metric scrapes out of the traces: Kubernetes and Compose probe every service every few
 * seconds and Prometheus scrapes it, and each of those requests (with Spring Security's spans inside) was a trace of
 * its own in the trace UI, burying the users' requests. Their HTTP metrics go with them
 * ({@code http.server.requests} is the same observation); every other request is observed as before.
 */
final class UntracedProbes {

    static final String ACTUATOR = "/actuator";

    private UntracedProbes() {
    }

    static boolean isProbe(String path) {
        return path != null && (path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/"));
    }

    /** Servlet services (Tomcat). */
    static ObservationPredicate servlet() {
        return (name, context) -> !(context instanceof
                org.springframework.http.server.observation.ServerRequestObservationContext request
                && isProbe(request.getCarrier().getRequestURI()));
    }

    /** The gateway (WebFlux). */
    static ObservationPredicate reactive() {
        return (name, context) -> !(context instanceof
                org.springframework.http.server.reactive.observation.ServerRequestObservationContext request
                && isProbe(request.getCarrier().getPath().value()));
    }

    /**
     * Spring Security opens observations of its own inside each request (the filter chain before and after the
     * application, authentication, authorization): several spans and timers per request, and about 6 % of the booking
     * throughput of the whole stack (docs/performance.md). The request's server span, its database, HTTP and Kafka
     * spans, and the 401/403 status on the server span tell what a trace needs; these do not.
     */
    static ObservationPredicate noSecuritySpans() {
        return (name, context) -> !name.startsWith("spring.security.");
    }

    /**
     * With Spring Security's spans switched on ({@code careslot.tracing.security-spans=true}, for a look inside the
     * filter chain): inside an unobserved request (a probe) their parent is the no-op observation (or none), so each
     * would start a trace. Inside an observed request they keep their parent and stay.
     */
    static ObservationPredicate noParentlessSecuritySpans() {
        return (name, context) -> !(name.startsWith("spring.security.") && orphan(context.getParentObservation()));
    }

    private static boolean orphan(ObservationView parent) {
        return parent == null || parent instanceof Observation observation && observation.isNoop();
    }
}
