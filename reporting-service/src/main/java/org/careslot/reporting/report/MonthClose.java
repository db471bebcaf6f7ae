package org.careslot.reporting.report;

import org.careslot.platform.web.problem.ConflictException;
import org.careslot.reporting.report.domain.ReportMonth;
import org.careslot.reporting.report.messaging.MonthlyReportEvents;
import org.careslot.reporting.report.persistence.MonthCloseRepository;
import org.careslot.reporting.report.persistence.MonthlyReportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * Closing a month: every known doctor's report of it becomes final, is stamped {@code generated_at} and published as
 * monthly_report.generated, in one transaction. The scheduled close runs on every instance; the guarded insert into
 * {@code month_close} lets exactly one of them do it. An admin may re-run the close of an ended month at any time
 * (every report is published again as its next version).
 */
@Service
public class MonthClose {

    /** What a close did. */
    public record Outcome(YearMonth month, boolean closedNow, int reports, Instant closedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(MonthClose.class);

    private final MonthlyReportRepository reports;
    private final MonthCloseRepository closes;
    private final MonthlyReportEvents events;
    private final Clock clock;
    private final ZoneId zone;

    public MonthClose(MonthlyReportRepository reports, MonthCloseRepository closes, MonthlyReportEvents events,
                      Clock clock, @Value("${careslot.reporting.month-close.zone:Asia/Dhaka}") String zone) {
        this.reports = reports;
        this.closes = closes;
        this.events = events;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The month a close run now closes: the one before today's in the close's zone. */
    public YearMonth previousMonth() {
        return ReportMonth.previous(clock.instant(), zone);
    }

    /**
     * Closes {@code month} unless it was closed before (by this or another instance): exactly once per month.
     */
    @Transactional
    public Outcome closeOnce(YearMonth month) {
        reports.lockMonth(month);
        Instant now = clock.instant();
        if (!closes.claim(month, now)) {
            log.debug("Month {} was closed already", month);
            return new Outcome(month, false, 0, null);
        }
        return finish(month, now);
    }

    /**
     * Closes {@code month} again (or for the first time): an admin's re-run.
     *
     * @throws ConflictException when the month has not ended yet in the close's zone
     */
    @Transactional
    public Outcome rerun(YearMonth month) {
        Instant now = clock.instant();
        if (!ReportMonth.hasEnded(month, now, zone)) {
            throw new ConflictException("Month " + month + " has not ended yet (" + zone.getId()
                    + "); only an ended month can be closed.");
        }
        reports.lockMonth(month);
        closes.rerun(month, now);
        return finish(month, now);
    }

    private Outcome finish(YearMonth month, Instant now) {
        reports.addKnownDoctors(month);
        List<MonthlyReport> finals = reports.finishAll(month, now);
        finals.forEach(events::publish);
        log.info("Closed month {}: {} final reports published", month, finals.size());
        return new Outcome(month, true, finals.size(), now);
    }
}
