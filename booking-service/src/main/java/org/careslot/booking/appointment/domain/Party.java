package org.careslot.booking.appointment.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The capacity in which a caller relates to an appointment. */
public enum Party {
    /** the appointment's patient */
    PATIENT,
    /** the appointment's doctor */
    DOCTOR,
    /** an administrator (sees and may act on every appointment) */
    ADMIN;

    /**
     * How {@code caller} relates to the appointment of {@code patientId} with {@code doctorId}; empty means the
     * appointment is none of the caller's business (answer 404, never revealing that it exists).
     */
    public static Set<Party> of(UUID caller, boolean callerIsAdmin, UUID patientId, UUID doctorId) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (caller.equals(patientId)) {
            parties.add(PATIENT);
        }
        if (caller.equals(doctorId)) {
            parties.add(DOCTOR);
        }
        if (callerIsAdmin) {
            parties.add(ADMIN);
        }
        return parties;
    }
}
