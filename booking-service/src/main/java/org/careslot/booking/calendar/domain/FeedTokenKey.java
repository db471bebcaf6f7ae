package org.careslot.booking.calendar.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Issues feed tokens as HMAC-SHA256(key, user id ‖ nonce), the nonce being 16 random bytes kept with the user's feed.
 * The token can so be computed again whenever the owner asks for the URL, and is never stored: what the database
 * holds (nonce, SHA-256 of the token) opens no feed without the key. A new nonce (revoke, then ask again) gives an
 * unrelated token; another key gives other tokens for every user.
 */
public final class FeedTokenKey {

    /** HMAC-SHA256 keys shorter than its 32-byte output weaken it. */
    public static final int MIN_KEY_BYTES = 32;
    private static final int NONCE_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public FeedTokenKey(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The calendar feed key (CALENDAR_FEED_SECRET) must have at least "
                    + MIN_KEY_BYTES + " bytes.");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    public static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** The token of this user's feed with this nonce (43 characters, base64url). */
    public String tokenOf(UUID user, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(ByteBuffer.allocate(16).putLong(user.getMostSignificantBits())
                    .putLong(user.getLeastSignificantBits()).array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
