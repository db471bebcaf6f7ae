package org.careslot.reporting.doctor;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What this service keeps of {@code doctor.profile.updated} data (docs/schemas/doctor.profile.v1/doctor.json); the
 * schedule, time off and the rest are ignored.
 */
public record DoctorSnapshot(UUID id, String fullName, String timeZone, BigDecimal consultationFee,
                             Boolean isActive) {
}
