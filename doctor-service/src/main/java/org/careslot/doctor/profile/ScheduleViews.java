package org.careslot.doctor.profile;

import org.careslot.doctor.profile.persistence.TimeOff;
import org.careslot.doctor.profile.persistence.TimeSlot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

/** A doctor's weekly time slots and time off as the feature's services hand them out (never the stored rows). */
public final class ScheduleViews {

    private ScheduleViews() {
    }

    /** A weekly slot; minutes from midnight in the doctor's time zone, {@code endMinute} exclusive. */
    public record TimeSlotView(UUID id, DayOfWeek weekday, int startMinute, int endMinute, int slotMinutes) {

        static TimeSlotView of(TimeSlot slot) {
            return new TimeSlotView(slot.getId(), slot.getWeekday(), slot.getStartMinute(), slot.getEndMinute(),
                    slot.getSlotMinutes());
        }
    }

    /** Blocked whole days, both dates inclusive. */
    public record TimeOffView(UUID id, LocalDate dateFrom, LocalDate dateTo, String reason) {

        static TimeOffView of(TimeOff timeOff) {
            return new TimeOffView(timeOff.getId(), timeOff.getDateFrom(), timeOff.getDateTo(), timeOff.getReason());
        }
    }
}
