package org.careslot.booking.calendar;

import org.careslot.booking.calendar.domain.FeedEvent;
import org.careslot.booking.calendar.domain.FeedToken;
import org.careslot.booking.calendar.domain.FeedTokenKey;
import org.careslot.booking.calendar.domain.ICalendarFeed;
import org.careslot.booking.calendar.persistence.FeedAppointments;
import org.careslot.booking.calendar.persistence.FeedTokens;
import org.careslot.booking.calendar.persistence.FeedTokens.Issued;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Private iCalendar feeds of doctors and patients: a revocable token per user, and the feed it opens (the owner's
 * appointments as patient or doctor, from {@link #PAST} ago on).
 */
@Service
public class CalendarFeeds {

    /** How far back a feed reaches: recent appointments stay visible, older ones drop out of subscribers' views. */
    public static final Duration PAST = Duration.ofDays(30);
    /** A backstop on a feed's size (a doctor's busiest months stay far below it). */
    public static final int MAX_EVENTS = 5000;
    static final String CALENDAR_NAME = "CareSlot appointments";

    /** The feed's token and when it was created. */
    public record FeedAccess(String token, Instant createdAt) {
    }

    private final FeedTokens tokens;
    private final FeedAppointments appointments;
    private final Clock clock;
    private final FeedTokenKey key;

    public CalendarFeeds(FeedTokens tokens, FeedAppointments appointments, Clock clock,
                         @Value("${careslot.calendar.feed-key}") String key) {
        this.tokens = tokens;
        this.appointments = appointments;
        this.clock = clock;
        this.key = new FeedTokenKey(key);
    }

    /**
     * The user's token, created on the first request; the same one afterwards, until revoked. After a change of key
     * the token changes too: the stored hash follows it, so the URL answered here is always the one that works.
     */
    @Transactional
    public FeedAccess access(UUID user) {
        Optional<Issued> existing = tokens.of(user);
        if (existing.isEmpty()) {
            byte[] nonce = FeedTokenKey.newNonce();
            tokens.insertIfAbsent(user, nonce, FeedToken.hash(key.tokenOf(user, nonce)), clock.instant());
            existing = tokens.of(user);
        }
        Issued issued = existing.orElseThrow();
        String token = key.tokenOf(user, issued.nonce());
        byte[] hash = FeedToken.hash(token);
        if (!Arrays.equals(hash, issued.tokenHash())) {
            tokens.updateHash(user, hash);
        }
        return new FeedAccess(token, issued.createdAt());
    }

    /** Revokes the user's token (if any): its URL answers 404 from now on. */
    @Transactional
    public void revoke(UUID user) {
        tokens.delete(user);
    }

    /** The iCalendar text of the feed this token opens; empty for a malformed, unknown or revoked token. */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token) {
        if (!FeedToken.isWellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.ownerOf(FeedToken.hash(token)).map(owner -> {
            List<FeedEvent> events = appointments.of(owner, now.minus(PAST), MAX_EVENTS);
            return ICalendarFeed.write(CALENDAR_NAME, now, events);
        });
    }
}
