package org.careslot.booking.appointment.domain;

import java.util.Arrays;
import java.util.Optional;

/** {@code PENDING → CONFIRMED → COMPLETED | NO_SHOW}; {@code PENDING | CONFIRMED → CANCELLED}. */
public enum AppointmentStatus {
    PENDING, CONFIRMED, COMPLETED, NO_SHOW, CANCELLED;

    /** Active appointments hold their time: the doctor's and the patient's exclusion constraints apply to them. */
    public boolean isActive() {
        return this == PENDING || this == CONFIRMED;
    }

    public static Optional<AppointmentStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.name().equals(value)).findFirst();
    }
}
