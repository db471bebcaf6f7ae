package org.careslot.gateway.security;

import org.careslot.platform.security.KeycloakJwtDecoders;
import org.careslot.platform.security.SigningKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Keycloak access tokens checked against the realm's signing keys and its issuer. The keys are fetched in the
 * background from start-up on and kept in memory ({@link SigningKeys}): once fetched, tokens are checked while
 * Keycloak is down; no OIDC discovery, so the gateway starts and stays up while Keycloak is still starting. No
 * audience check: Keycloak's access tokens carry {@code aud=account}.
 */
@Configuration(proxyBeanMethods = false)
public class JwtDecoderConfiguration {

    @Bean
    SigningKeys signingKeys(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri) {
        return new SigningKeys(jwkSetUri).start();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeys signingKeys,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        NimbusReactiveJwtDecoder nimbus = KeycloakJwtDecoders.reactive(signingKeys, issuerUri);
        // Keys that cannot be fetched surface as IllegalStateException, which security would turn into a 500; as a
        // plain (not "bad") JwtException it becomes an AuthenticationServiceException: 503, identity provider down.
        return token -> nimbus.decode(token)
                .onErrorMap(error -> !(error instanceof JwtException),
                        error -> new JwtException("Cannot obtain the token signing keys from " + jwkSetUri, error));
    }
}
