package org.careslot.reporting.report;

import org.careslot.reporting.report.domain.MonthlyFigures;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One doctor's month as this service answers and publishes it.
 *
 * @param generatedAt when the month was closed or its final report last corrected; null while not final
 * @param version     the sequence of the last monthly_report.generated published for it (0: never)
 */
public record MonthlyReport(UUID doctorId, YearMonth month, MonthlyFigures figures, boolean isFinal,
                            Instant generatedAt, long version) {

    public static MonthlyReport empty(UUID doctorId, YearMonth month, boolean isFinal) {
        return new MonthlyReport(doctorId, month, MonthlyFigures.ZERO, isFinal, null, 0);
    }
}
