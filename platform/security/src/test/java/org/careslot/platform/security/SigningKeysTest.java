package org.careslot.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The key cache against a real JWKS endpoint on a local HTTP server that goes down, comes back and rotates keys. */
class SigningKeysTest {

    final JwksServer jwks = new JwksServer();
    final MovableClock clock = new MovableClock();
    final SigningKeys keys = new SigningKeys(jwks.url(), SigningKeys.UNKNOWN_KEY_REFRESH_INTERVAL, clock);

    @AfterEach
    void stop() {
        keys.close();
        jwks.close();
    }

    @Test
    void keysFetchedAtStartUpAreServedWhileTheServerIsDown() throws KeySourceException {
        keys.start();
        await().until(() -> keys.fetchedAt().isPresent());
        jwks.goDown();

        assertThat(keyIds(keys.get(selector("key-1"), null))).containsExactly("key-1");
        assertThat(keyIds(keys.selectKnown(selector("key-1")))).containsExactly("key-1");
    }

    @Test
    void startUpFetchRetriesUntilTheServerAnswers() {
        jwks.goDown();
        keys.start();
        await().until(() -> jwks.requests() >= 2);
        assertThat(keys.fetchedAt()).isEmpty();

        jwks.comeBack();

        await().until(() -> keys.fetchedAt().isPresent());
        assertThat(keyIds(keys.selectKnown(selector("key-1")))).containsExactly("key-1");
    }

    @Test
    void withNoKeysEverFetchedAKeyIsFetchedOnDemandAndItsFailureIsAnError() throws KeySourceException {
        jwks.goDown();

        assertThatThrownBy(() -> keys.get(selector("key-1"), null)).isInstanceOf(KeySourceException.class);
        // within the hold after a failure, more tokens fail at once without asking the server again
        int asked = jwks.requests();
        assertThatThrownBy(() -> keys.get(selector("key-1"), null)).isInstanceOf(KeySourceException.class);
        assertThat(jwks.requests()).isEqualTo(asked);

        jwks.comeBack();
        clock.advance(SigningKeys.FAILED_FIRST_FETCH_HOLD);

        assertThat(keyIds(keys.get(selector("key-1"), null))).containsExactly("key-1");
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodSet() throws KeySourceException {
        keys.get(selector("key-1"), null);
        jwks.goDown();
        clock.advance(SigningKeys.UNKNOWN_KEY_REFRESH_INTERVAL);
        int asked = jwks.requests();

        assertThat(keys.get(selector("key-unknown"), null)).as("an unknown key, not an error").isEmpty();
        assertThat(jwks.requests()).as("the refresh was tried").isEqualTo(asked + 1);
        assertThat(keyIds(keys.get(selector("key-1"), null))).containsExactly("key-1");
    }

    @Test
    void anUnknownKeyIdRefreshesTheSetSoARotatedKeyIsFoundAtOnce() throws KeySourceException {
        keys.get(selector("key-1"), null);
        jwks.addKey("key-2");

        assertThat(keyIds(keys.get(selector("key-2"), null))).containsExactly("key-2");
        assertThat(keyIds(keys.selectKnown(selector("key-1")))).containsExactly("key-1");
    }

    @Test
    void refreshesForUnknownKeyIdsAreRateLimited() throws KeySourceException {
        keys.get(selector("key-1"), null);
        clock.advance(SigningKeys.UNKNOWN_KEY_REFRESH_INTERVAL);
        assertThat(keys.get(selector("made-up-0"), null)).isEmpty();
        int asked = jwks.requests();

        for (int i = 1; i <= 100; i++) {
            assertThat(keys.get(selector("made-up-" + i), null)).isEmpty();
        }
        assertThat(jwks.requests()).as("a flood of unknown key ids within the interval").isEqualTo(asked);

        clock.advance(SigningKeys.UNKNOWN_KEY_REFRESH_INTERVAL);
        jwks.addKey("key-2");
        assertThat(keyIds(keys.get(selector("key-2"), null))).containsExactly("key-2");
        assertThat(jwks.requests()).isEqualTo(asked + 1);
    }

    static JWKSelector selector(String keyId) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build());
    }

    static List<String> keyIds(List<JWK> found) {
        return found.stream().map(JWK::getKeyID).toList();
    }

    static final class MovableClock implements InstantSource {

        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
