package org.careslot.gateway.resilience;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;

import java.net.ConnectException;
import java.util.Set;

/**
 * Default filter {@code RetryOnClosedConnection}: a GET, HEAD or OPTIONS whose connection to the service was closed
 * or reset before any byte of the answer arrived is sent once more, on a new connection. The usual cause is a pooled
 * keep-alive connection the service closed (idle timeout, graceful shutdown) just as the gateway reused it; the
 * service never handled the request, and for these methods a second attempt is harmless even if it did.
 * <p>
 * Not retried: every other method (a POST, PUT or DELETE may have taken effect, and a repeat could answer differently,
 * e.g. 404 for a DELETE that did delete); time-outs (a slow service must not get the request twice); refused
 * connections (the service is down, a repeat only doubles the wait); any answer the service gave, 5xx included.
 * <p>
 * Listed after {@code CircuitBreaker} among the default filters, so it runs inside the breaker and its time limiter:
 * the breaker records one call per client request (a retry that succeeds is a success) and the time limit covers
 * both attempts. Errors after the answer's headers arrived happen outside the routing chain and are never retried.
 * Spring Cloud Gateway's own {@code Retry} filter is not used because it buffers every request body of its routes
 * in memory (POSTs included), although only body-less methods are retried here.
 */
@Component
public class RetryOnClosedConnectionGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final Logger log = LoggerFactory.getLogger(RetryOnClosedConnectionGatewayFilterFactory.class);

    static final Set<HttpMethod> REPEATABLE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    public RetryOnClosedConnectionGatewayFilterFactory() {
        super(Object.class);
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            if (!REPEATABLE_METHODS.contains(exchange.getRequest().getMethod())) {
                return chain.filter(exchange);
            }
            return Mono.defer(() -> chain.filter(exchange))
                    .retryWhen(Retry.max(1)
                            .filter(RetryOnClosedConnectionGatewayFilterFactory::closedBeforeAnswer)
                            .doBeforeRetry(signal -> prepareRetry(exchange, signal.failure())));
        };
    }

    /**
     * Inside the routing chain a {@link PrematureCloseException} is always "closed BEFORE response" (the answer's
     * body is streamed later, outside); {@link AbortedException#isConnectionReset} is Reactor Netty's own test for a
     * reset or broken pipe, whatever the transport (NIO or epoll) calls it.
     */
    static boolean closedBeforeAnswer(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return false;
            }
            if (t instanceof PrematureCloseException || AbortedException.isConnectionReset(t)) {
                return true;
            }
        }
        return false;
    }

    private static void prepareRetry(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        log.info("{}: connection closed before an answer to {} {}; sending it once more ({})",
                route != null ? route.getId() : "service", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error.toString());
        // lets the routing filter run again and drops what the failed attempt left on the exchange
        ServerWebExchangeUtils.reset(exchange);
    }
}
