package org.careslot.platform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the decoders make of a token, servlet and reactive alike: a token of a known key decodes (also with the
 * server down), one of an unknown key or another issuer is bad (401), one that cannot be checked because no keys were
 * ever fetched is a plain {@link JwtException} (503).
 */
class KeycloakJwtDecodersTest {

    final JwksServer jwks = new JwksServer();
    final SigningKeys keys = new SigningKeys(jwks.url());
    final JwtDecoder servlet = KeycloakJwtDecoders.servlet(keys, JwksServer.ISSUER);
    final ReactiveJwtDecoder reactive = KeycloakJwtDecoders.reactive(keys, JwksServer.ISSUER);

    @AfterEach
    void stop() {
        keys.close();
        jwks.close();
    }

    @Test
    void aTokenOfAKnownKeyDecodesWhileTheServerIsDown() {
        keys.start();
        org.awaitility.Awaitility.await().until(() -> keys.fetchedAt().isPresent());
        jwks.goDown();
        String token = jwks.token("key-1");

        assertThat(servlet.decode(token).getSubject()).isEqualTo("3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c");
        assertThat(reactive.decode(token).block().getSubject()).isEqualTo("3f1c2a9e-5b7d-4c1e-9a2b-8d6e4f0a1b2c");
    }

    @Test
    void aTokenOfAnUnknownKeyIsBadEvenWhileTheServerIsDown() {
        String known = jwks.token("key-1");
        servlet.decode(known);
        jwks.goDown();
        String unknown = JwksServer.tokenOfUnknownKey("key-forged");

        assertThatThrownBy(() -> servlet.decode(unknown)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> reactive.decode(unknown).block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenSignedByAKnownKeyIdButAnotherKeyIsBad() {
        servlet.decode(jwks.token("key-1"));

        String forged = JwksServer.tokenOfUnknownKey("key-1");

        assertThatThrownBy(() -> servlet.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> reactive.decode(forged).block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void withNoKeysEverFetchedAndTheServerDownATokenCannotBeChecked() {
        jwks.goDown();
        String token = jwks.token("key-1");

        Throwable servletError = catchThrowable(() -> servlet.decode(token));
        assertThat(servletError).isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class);
        Throwable reactiveError = catchThrowable(() -> reactive.decode(token).block());
        // the gateway maps whatever is not a JwtException to one (JwtDecoderConfiguration): never a "bad token"
        assertThat(reactiveError).isNotInstanceOf(BadJwtException.class);
    }
}
