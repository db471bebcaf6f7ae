package org.careslot.platform.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * Decoders of Keycloak access tokens over {@link SigningKeys}: RS256 signature, expiry and the issuer claim (as Spring
 * Boot's decoder from {@code jwk-set-uri} plus {@code issuer-uri} checks them). No audience check: Keycloak's access
 * tokens carry {@code aud=account}. A token that cannot be checked because no keys were ever fetched fails with a
 * plain {@code JwtException} (503 for the callers), a token signed by no known key with a {@code BadJwtException}
 * (401).
 */
public final class KeycloakJwtDecoders {

    private KeycloakJwtDecoders() {
    }

    /** For the servlet services. */
    public static JwtDecoder servlet(SigningKeys keys, String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    /**
     * For the gateway: keys in memory are handed over on the calling thread (the event loop); a fetch, which blocks on
     * HTTP, runs on the bounded elastic scheduler.
     */
    public static NimbusReactiveJwtDecoder reactive(SigningKeys keys, String issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> keysFor(keys, jwt)).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    private static Flux<JWK> keysFor(SigningKeys keys, SignedJWT jwt) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
        if (matcher == null) {
            return Flux.empty(); // an algorithm no key of a JWKS verifies: rejected without looking further
        }
        JWKSelector selector = new JWKSelector(matcher);
        List<JWK> known = keys.selectKnown(selector);
        if (!known.isEmpty()) {
            return Flux.fromIterable(known);
        }
        return Mono.fromCallable(() -> keys.get(selector, null))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(found -> found);
    }
}
