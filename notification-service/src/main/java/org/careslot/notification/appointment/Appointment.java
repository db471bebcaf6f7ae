package org.careslot.notification.appointment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/** An appointment as booking-service published it last. */
public record Appointment(UUID id, UUID doctorId, UUID patientId, Instant startsAt, Instant endsAt, ZoneId timeZone,
                          String status, long sequence) {

    private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIRMED");

    /** PENDING or CONFIRMED: it will take place. */
    public boolean active() {
        return ACTIVE.contains(status);
    }

    /** The patient, the doctor: the two people who may see its messages (besides admins). */
    public boolean concerns(UUID userId) {
        return patientId.equals(userId) || doctorId.equals(userId);
    }
}
