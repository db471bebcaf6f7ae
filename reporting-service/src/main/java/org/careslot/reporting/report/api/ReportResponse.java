package org.careslot.reporting.report.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.careslot.reporting.report.MonthlyReport;
import org.careslot.reporting.report.domain.MonthlyFigures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** api.md's monthly report. */
record ReportResponse(UUID doctorId, String month, int totalAppointments, int pending, int confirmed, int completed,
                      int cancelled, int noShow, int uniquePatients, String earnings,
                      @JsonProperty("final") boolean isFinal, Instant generatedAt) {

    /** The CSV header: the JSON member names, in the same order. */
    static final List<String> CSV_HEADER = List.of("doctor_id", "month", "total_appointments", "pending",
            "confirmed", "completed", "cancelled", "no_show", "unique_patients", "earnings", "final",
            "generated_at");

    static ReportResponse of(MonthlyReport report) {
        MonthlyFigures f = report.figures();
        return new ReportResponse(report.doctorId(), report.month().toString(), f.totalAppointments(), f.pending(),
                f.confirmed(), f.completed(), f.cancelled(), f.noShow(), f.uniquePatients(),
                f.earnings().toPlainString(), report.isFinal(), report.generatedAt());
    }

    List<String> csvRow() {
        return List.of(doctorId.toString(), month, String.valueOf(totalAppointments), String.valueOf(pending),
                String.valueOf(confirmed), String.valueOf(completed), String.valueOf(cancelled),
                String.valueOf(noShow), String.valueOf(uniquePatients), earnings, String.valueOf(isFinal),
                generatedAt == null ? "" : generatedAt.toString());
    }
}
