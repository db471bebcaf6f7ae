package org.careslot.reporting.report.domain;

import java.util.UUID;

/**
 * Who reads reports and what they may see: admins every doctor's, a doctor only their own (another doctor's answers
 * as if it did not exist), anyone else nothing (403: the role can never read reports).
 */
public record ReportReader(UUID id, boolean admin, boolean doctor) {

    /** Admins and doctors read reports at all; for anyone else the answer is 403. */
    public boolean mayReadReports() {
        return admin || doctor;
    }

    /** Whether this reader may see {@code doctorId}'s reports; when not, the answer is 404 (nothing leaks). */
    public boolean maySee(UUID doctorId) {
        return admin || (doctor && id.equals(doctorId));
    }
}
