package org.careslot.notification.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code reminders.*}.
 *
 * @param leadTimes one reminder this long before each active appointment, per entry (env REMINDER_LEAD_TIMES, e.g.
 *                  {@code PT24H,PT2H})
 * @param delivery  the poller that sends due messages
 */
@ConfigurationProperties("reminders")
public record ReminderSettings(@DefaultValue("PT24H") List<Duration> leadTimes, @DefaultValue Delivery delivery) {

    /**
     * @param enabled           run the poller in this instance
     * @param pollInterval      pause between two looks for due messages when the last one found none
     * @param batchSize         messages claimed per look
     * @param lease             how long a claimed message belongs to its instance; after that (the instance died mid
     *                          send) another instance claims it again. Keep it well above the SMTP timeouts
     * @param maxAttempts       attempts before a message is FAILED
     * @param initialBackoff    pause after the first failed attempt
     * @param backoffMultiplier growth of the pause per further failed attempt
     * @param maxBackoff        longest pause
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("30s") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier,
            @DefaultValue("30m") Duration maxBackoff) {
    }
}
