package org.careslot.gateway.problem;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Every error the gateway itself produces becomes problem+json: no route (404), wrong method (405), a service that
 * is down or whose circuit is open (503, naming the service), one that does not answer in time (504), Keycloak's
 * keys not reachable (503). Runs before Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GatewayErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (hasCause(error, AuthenticationServiceException.class)) {
            log.warn("cannot validate a token (identity provider unreachable?): {}", error.toString());
            return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "The identity provider is unavailable; try again shortly.");
        }
        String service = serviceOf(exchange);
        if (hasCause(error, TimeoutException.class) || status(error) == HttpStatus.GATEWAY_TIMEOUT) {
            log.warn("{} did not answer {} {} in time", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
            return ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time.");
        }
        if (hasCause(error, CallNotPermittedException.class)
                || error instanceof org.springframework.cloud.gateway.support.ServiceUnavailableException) {
            return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is unavailable; try again shortly.");
        }
        if (isUpstreamConnectionFailure(error)) {
            log.warn("{} unreachable for {} {}: {}", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error.toString());
            return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is unavailable; try again shortly.");
        }
        HttpStatus status = status(error);
        if (status != null) {
            return ProblemResponses.write(exchange, status, detailFor(status, exchange));
        }
        log.error("unexpected gateway error on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
    }

    private static String detailFor(HttpStatus status, ServerWebExchange exchange) {
        return switch (status) {
            case NOT_FOUND -> "No resource at " + exchange.getRequest().getPath().value() + ".";
            case METHOD_NOT_ALLOWED -> "Method " + exchange.getRequest().getMethod() + " is not allowed here.";
            case SERVICE_UNAVAILABLE -> serviceOf(exchange) + " is unavailable; try again shortly.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    private static HttpStatus status(Throwable error) {
        if (error instanceof ResponseStatusException rse) {
            return HttpStatus.resolve(rse.getStatusCode().value());
        }
        var annotation = MergedAnnotations.from(error.getClass(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(ResponseStatus.class);
        if (annotation.isPresent()) {
            return annotation.synthesize().code();
        }
        return null;
    }

    private static boolean isUpstreamConnectionFailure(Throwable error) {
        return hasCause(error, ConnectException.class) || hasCause(error, NoRouteToHostException.class)
                || hasCause(error, UnknownHostException.class) || hasCause(error, PrematureCloseException.class)
                || hasCause(error, io.netty.channel.ConnectTimeoutException.class) || isConnectionReset(error);
    }

    /** A connection reset or broken pipe, as Reactor Netty recognises it (NIO and epoll word it differently). */
    private static boolean isConnectionReset(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (AbortedException.isConnectionReset(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The service a matched route leads to (route metadata {@code service}), or "the service" before routing. */
    static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && route.getMetadata().get("service") instanceof String service) {
            return service;
        }
        return route != null ? route.getId() : "The service";
    }
}
