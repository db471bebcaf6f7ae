package org.careslot.reporting.report.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/** Months as clients write them ({@code YYYY-MM}) and the calendar rules of the month close. */
public final class ReportMonth {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private ReportMonth() {
    }

    /** {@code YYYY-MM} exactly (e.g. {@code 2026-03}); empty for anything else. */
    public static Optional<YearMonth> parse(String text) {
        if (text == null || !FORMAT.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.parse(text.strip()));
    }

    /** The month before the one {@code now} falls in, in {@code zone}: the month a close at {@code now} closes. */
    public static YearMonth previous(Instant now, ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).minusMonths(1);
    }

    /** Whether {@code month} is over at {@code now} in {@code zone} (only such a month can be closed). */
    public static boolean hasEnded(YearMonth month, Instant now, ZoneId zone) {
        return !LocalDate.ofInstant(now, zone).isBefore(month.plusMonths(1).atDay(1));
    }
}
