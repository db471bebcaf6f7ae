package org.careslot.reporting.report.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.OutgoingEvent;
import org.careslot.reporting.report.MonthlyReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * The published contract {@code reporting.monthly-report.v1} (docs/asyncapi.yaml,
 * docs/schemas/reporting.monthly-report.v1/monthly-report.json): a doctor's final monthly report, written to the
 * outbox in the caller's transaction, keyed {@code doctorId:YYYY-MM}, {@code sequence} = the report's version (1 at
 * the month's close, +1 for every correction by a late event or a re-run of the close).
 */
@Component
public class MonthlyReportEvents {

    public static final String TOPIC = "reporting.monthly-report.v1";
    public static final String TYPE = "monthly_report.generated";
    public static final String SCHEMA = "urn:careslot:schema:reporting.monthly-report.v1:monthly-report";

    /** {@code data} of monthly_report.generated: the fields of api.md's monthly report. */
    public record MonthlyReportData(UUID doctorId, String month, int totalAppointments, int pending, int confirmed,
                                    int completed, int cancelled, int noShow, int uniquePatients, String earnings,
                                    @JsonProperty("final") boolean isFinal, String generatedAt) {

        static MonthlyReportData of(MonthlyReport report) {
            var f = report.figures();
            return new MonthlyReportData(report.doctorId(), report.month().toString(), f.totalAppointments(),
                    f.pending(), f.confirmed(), f.completed(), f.cancelled(), f.noShow(), f.uniquePatients(),
                    f.earnings().toPlainString(), report.isFinal(),
                    report.generatedAt() == null ? null : report.generatedAt().toString());
        }
    }

    private final OutboxPublisher outbox;

    public MonthlyReportEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    public static String key(MonthlyReport report) {
        return report.doctorId() + ":" + report.month();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(MonthlyReport report) {
        outbox.publish(new OutgoingEvent(TOPIC, key(report), TYPE, report.version(), SCHEMA,
                MonthlyReportData.of(report)));
    }
}
