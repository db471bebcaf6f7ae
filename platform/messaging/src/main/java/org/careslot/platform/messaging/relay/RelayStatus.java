package org.careslot.platform.messaging.relay;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A snapshot of the relay, for health and tests. */
public record RelayStatus(RelayState state, Instant since, @Nullable String lastError, long published) {
}
