package org.careslot.reporting.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the month close on every instance (the close itself lets one of them do it): by cron, default at midnight
 * on the 1st in Asia/Dhaka, and once at start-up, so a month whose 1st passed while no instance was running is
 * closed as soon as one starts.
 */
@Component
class MonthCloseSchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthCloseSchedule.class);

    private final MonthClose close;

    MonthCloseSchedule(MonthClose close) {
        this.close = close;
    }

    @Scheduled(cron = "${careslot.reporting.month-close.cron:0 0 0 1 * *}",
            zone = "${careslot.reporting.month-close.zone:Asia/Dhaka}")
    void closePreviousMonth() {
        close.closeOnce(close.previousMonth());
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        try {
            closePreviousMonth();
        } catch (RuntimeException e) {
            log.warn("Catching up the month close at start-up failed; the next scheduled run retries", e);
        }
    }
}
