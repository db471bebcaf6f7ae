package org.careslot.reporting.report.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.careslot.reporting.report.ReportQueries.Summary;
import org.careslot.reporting.report.domain.MonthlyFigures;

/**
 * A month over all doctors: the report's counts and earnings added up, {@code doctors} with at least one
 * appointment, {@code unique_patients} distinct over all doctors (not the sum), {@code final} once the month is
 * closed.
 */
record SummaryResponse(String month, int doctors, int totalAppointments, int pending, int confirmed, int completed,
                       int cancelled, int noShow, int uniquePatients, String earnings,
                       @JsonProperty("final") boolean isFinal) {

    static SummaryResponse of(Summary summary) {
        MonthlyFigures f = summary.figures();
        return new SummaryResponse(summary.month().toString(), summary.doctors(), f.totalAppointments(), f.pending(),
                f.confirmed(), f.completed(), f.cancelled(), f.noShow(), f.uniquePatients(),
                f.earnings().toPlainString(), summary.isFinal());
    }
}
