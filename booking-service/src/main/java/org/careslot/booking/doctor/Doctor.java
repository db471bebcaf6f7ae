package org.careslot.booking.doctor;

import org.careslot.booking.doctor.domain.Schedule;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A doctor as this service knows it from doctor.profile.v1: what booking needs (fee, time zone, weekly schedule,
 * time off, bookable or not), the sequence of the event applied last, and what the FHIR directory shows (name,
 * speciality; either may be null while doctor-service has not sent it).
 */
public record Doctor(UUID id, BigDecimal consultationFee, boolean active, long sequence,
                     Schedule schedule, String fullName, String specialization) {
}
