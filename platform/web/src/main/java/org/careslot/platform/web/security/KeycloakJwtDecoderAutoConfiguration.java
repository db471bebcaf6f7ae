package org.careslot.platform.web.security;

import org.careslot.platform.security.KeycloakJwtDecoders;
import org.careslot.platform.security.SigningKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Each service's decoder of Keycloak access tokens, in place of Boot's (whose keys are fetched on the first token
 * only, so a service that had seen no token yet answered 503 to every token once Keycloak went down): the keys are
 * fetched in the background from start-up on and the last good set is kept while Keycloak is unreachable
 * ({@link SigningKeys}). Same checks as Boot's: RS256 signature, expiry, the issuer claim.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty({"spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri"})
public class KeycloakJwtDecoderAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SigningKeys signingKeys(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri) {
        return new SigningKeys(jwkSetUri).start();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SigningKeys signingKeys,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        return KeycloakJwtDecoders.servlet(signingKeys, issuerUri);
    }
}
