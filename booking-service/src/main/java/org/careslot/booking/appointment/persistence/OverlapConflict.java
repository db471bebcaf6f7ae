package org.careslot.booking.appointment.persistence;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Which exclusion constraint refused a write: SQLState 23P01 ({@code exclusion_violation}) with the constraint's name
 * in the server message.
 */
public enum OverlapConflict {
    /** the doctor has another active appointment overlapping the time */
    DOCTOR,
    /** the patient has another active appointment overlapping the time */
    PATIENT;

    static final String EXCLUSION_VIOLATION = "23P01";

    public static Optional<OverlapConflict> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                if (message.contains(AppointmentRepository.DOCTOR_OVERLAP)) {
                    return Optional.of(DOCTOR);
                }
                if (message.contains(AppointmentRepository.PATIENT_OVERLAP)) {
                    return Optional.of(PATIENT);
                }
            }
        }
        return Optional.empty();
    }

    /** The SQLState somewhere in the cause chain, for a log line that carries no data of the failing row. */
    public static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "unknown";
    }
}
