package org.careslot.doctor.profile.api;

import org.careslot.doctor.profile.DoctorView;
import org.careslot.doctor.profile.domain.SlotRules;
import org.careslot.doctor.profile.persistence.TimeOff;
import org.careslot.doctor.profile.persistence.TimeSlot;

import java.time.LocalDate;
import java.util.UUID;

/** Response bodies of the doctor endpoints (snake_case on the wire). */
public final class DoctorResponses {

    private DoctorResponses() {
    }

    /**
     * The doctor representation of api.md. {@code consultation_fee} is BDT as a decimal string with 2 places;
     * {@code full_name}, the location ids and {@code is_active} come from the doctor's account (identity.user.v1):
     * null/false until that account is known here.
     */
    public record DoctorResponse(UUID id, String fullName, String specialization, String licenseNumber,
                                 int experienceYears, String consultationFee, String qualification, String bio,
                                 Integer divisionId, Integer districtId, Integer thanaId, String timeZone,
                                 boolean isActive) {

        public static DoctorResponse of(DoctorView doctor) {
            return new DoctorResponse(doctor.id(), doctor.fullName(), doctor.specialization().name(),
                    doctor.licenseNumber(), doctor.experienceYears(), doctor.consultationFee(),
                    doctor.qualification(), doctor.bio(), doctor.divisionId(), doctor.districtId(),
                    doctor.thanaId(), doctor.timeZone(), doctor.isActive());
        }
    }

    /** A weekly slot; times {@code HH:MM} in the doctor's time zone, {@code end_time} exclusive. */
    public record TimeSlotResponse(UUID id, String weekday, String startTime, String endTime, int slotMinutes) {

        static TimeSlotResponse of(TimeSlot slot) {
            return new TimeSlotResponse(slot.getId(), slot.getWeekday().name(),
                    SlotRules.format(slot.getStartMinute()), SlotRules.format(slot.getEndMinute()),
                    slot.getSlotMinutes());
        }
    }

    /** Blocked whole days, both dates inclusive. */
    public record TimeOffResponse(UUID id, LocalDate dateFrom, LocalDate dateTo, String reason) {

        static TimeOffResponse of(TimeOff timeOff) {
            return new TimeOffResponse(timeOff.getId(), timeOff.getDateFrom(), timeOff.getDateTo(),
                    timeOff.getReason());
        }
    }
}
