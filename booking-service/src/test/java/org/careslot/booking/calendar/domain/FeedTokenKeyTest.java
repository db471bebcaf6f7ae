package org.careslot.booking.calendar.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedTokenKeyTest {

    static final FeedTokenKey KEY = new FeedTokenKey("k".repeat(FeedTokenKey.MIN_KEY_BYTES));

    @Test
    void theSameUserAndNonceGiveTheSameWellFormedTokenAnyChangeGivesAnother() {
        UUID user = UUID.randomUUID();
        byte[] nonce = FeedTokenKey.newNonce();
        String token = KEY.tokenOf(user, nonce);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(FeedToken.isWellFormed(token)).isTrue();
        assertThat(KEY.tokenOf(user, nonce.clone())).isEqualTo(token);
        assertThat(KEY.tokenOf(user, FeedTokenKey.newNonce())).isNotEqualTo(token);
        assertThat(KEY.tokenOf(UUID.randomUUID(), nonce)).isNotEqualTo(token);
        assertThat(new FeedTokenKey("j".repeat(FeedTokenKey.MIN_KEY_BYTES)).tokenOf(user, nonce)).isNotEqualTo(token);
        assertThat(FeedToken.hash(token)).hasSize(32).isNotEqualTo(FeedToken.hash(KEY.tokenOf(user,
                FeedTokenKey.newNonce())));
    }

    @Test
    void nonceIsSixteenRandomBytes() {
        assertThat(FeedTokenKey.newNonce()).hasSize(16).isNotEqualTo(FeedTokenKey.newNonce());
    }

    @Test
    void aKeyShorterThan32BytesIsRefusedNamingTheVariable() {
        for (String weak : new String[] {null, "", "k".repeat(FeedTokenKey.MIN_KEY_BYTES - 1)}) {
            assertThatThrownBy(() -> new FeedTokenKey(weak)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CALENDAR_FEED_SECRET");
        }
    }

    @Test
    void malformedTokensAreRecognised() {
        assertThat(FeedToken.isWellFormed("short")).isFalse();
        assertThat(FeedToken.isWellFormed(null)).isFalse();
        assertThat(FeedToken.isWellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(FeedToken.isWellFormed("a".repeat(44))).isFalse();
    }
}
