package org.careslot.doctor.profile.api;

import org.careslot.doctor.profile.ScheduleViews.TimeOffView;
import org.careslot.doctor.profile.ScheduleViews.TimeSlotView;
import org.careslot.doctor.profile.domain.SlotRules;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Response bodies of the schedule endpoints (snake_case on the wire). The doctor itself is answered as
 * {@link org.careslot.doctor.profile.DoctorResponse}, shared with the public search.
 */
final class DoctorResponses {

    private DoctorResponses() {
    }

    /** A weekly slot; times {@code HH:MM} in the doctor's time zone, {@code end_time} exclusive. */
    record TimeSlotResponse(UUID id, String weekday, String startTime, String endTime, int slotMinutes) {

        static TimeSlotResponse of(TimeSlotView slot) {
            return new TimeSlotResponse(slot.id(), slot.weekday().name(), SlotRules.format(slot.startMinute()),
                    SlotRules.format(slot.endMinute()), slot.slotMinutes());
        }
    }

    /** Blocked whole days, both dates inclusive. */
    record TimeOffResponse(UUID id, LocalDate dateFrom, LocalDate dateTo, String reason) {

        static TimeOffResponse of(TimeOffView timeOff) {
            return new TimeOffResponse(timeOff.id(), timeOff.dateFrom(), timeOff.dateTo(), timeOff.reason());
        }
    }
}
