package org.careslot.gateway.security;

import org.careslot.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 from the security filter chain, in the same problem+json shape as the rest of the API. */
final class ProblemJsonSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            // the token could not be checked (Keycloak's keys unreachable): not the client's fault
            return Mono.error(failure);
        }
        boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        // RFC 6750: tell the client which scheme to use, and why a sent token failed
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, tokenSent
                ? "Bearer realm=\"appointments\", error=\"invalid_token\""
                : "Bearer realm=\"appointments\"");
        return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, tokenSent
                ? "The bearer token is invalid or has expired."
                : "A valid bearer token is required.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "You are not allowed to do this.");
    }
}
