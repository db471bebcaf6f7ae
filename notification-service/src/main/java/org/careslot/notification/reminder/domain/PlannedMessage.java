package org.careslot.notification.reminder.domain;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message to schedule.
 *
 * @param leadTime the configured lead time of a {@link MessageKind#REMINDER}; null for notices
 * @param dueAt    when it should go out (now, for notices and for reminders whose time has passed)
 */
public record PlannedMessage(MessageKind kind, Recipient recipient, @Nullable Duration leadTime, Instant dueAt) {

    public PlannedMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(dueAt, "dueAt");
        if ((kind == MessageKind.REMINDER) != (leadTime != null)) {
            throw new IllegalArgumentException("a lead time belongs to reminders, and only to them");
        }
    }
}
