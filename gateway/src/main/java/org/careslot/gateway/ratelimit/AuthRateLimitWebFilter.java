package org.careslot.gateway.ratelimit;

import org.careslot.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Throttles the endpoints that take credentials without a token: login, register, refresh. Each endpoint has its
 * own bucket per client IP; past the burst a client gets 429 problem+json with {@code Retry-After} (seconds).
 * Runs inside the security filter chain after CORS, so a 429 still carries the CORS headers a browser needs to
 * read it. Not a bean of type WebFilter on purpose: as a bean it would also run a second time, outside security.
 */
public class AuthRateLimitWebFilter implements WebFilter {

    private record LimitedEndpoint(String name, PathPattern pattern) {
    }

    private static final List<LimitedEndpoint> ENDPOINTS = List.of(
            endpoint("login", "/api/v1/user/login/{*rest}"),
            endpoint("register", "/api/v1/user/register/{*rest}"),
            endpoint("refresh", "/api/v1/refresh/token/{*rest}"));

    private final TokenBucketRateLimiter limiter;
    private final ClientIpResolver clientIps;
    private final boolean enabled;

    public AuthRateLimitWebFilter(TokenBucketRateLimiter limiter, ClientIpResolver clientIps, boolean enabled) {
        this.limiter = limiter;
        this.clientIps = clientIps;
        this.enabled = enabled;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || exchange.getRequest().getMethod() == HttpMethod.OPTIONS) {
            return chain.filter(exchange);
        }
        var path = exchange.getRequest().getPath().pathWithinApplication();
        for (LimitedEndpoint endpoint : ENDPOINTS) {
            if (endpoint.pattern().matches(path)) {
                var decision = limiter.tryAcquire(endpoint.name() + '|' + clientIps.clientIp(exchange.getRequest()));
                if (decision.allowed()) {
                    return chain.filter(exchange);
                }
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                        Long.toString(decision.retryAfterSeconds()));
                return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                        "Too many " + endpoint.name() + " requests from this address; retry after "
                                + decision.retryAfterSeconds() + " s.");
            }
        }
        return chain.filter(exchange);
    }

    private static LimitedEndpoint endpoint(String name, String pattern) {
        return new LimitedEndpoint(name, PathPatternParser.defaultInstance.parse(pattern));
    }
}
