package org.careslot.booking.doctor.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One weekly time slot of a doctor, in the doctor's local time. Its bookable starts form a grid:
 * {@code startTime + k * slotMinutes} for every k with {@code start + slotMinutes <= endTime}.
 */
public record WeeklySlot(UUID id, DayOfWeek weekday, LocalTime startTime, LocalTime endTime, int slotMinutes) {

    public WeeklySlot {
        Objects.requireNonNull(weekday, "weekday");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        if (slotMinutes <= 0) {
            throw new IllegalArgumentException("slotMinutes must be positive: " + slotMinutes);
        }
        if (!startTime.isBefore(endTime)) {
            throw new IllegalArgumentException("startTime must be before endTime: " + startTime + " - " + endTime);
        }
    }

    /** The local start times of the grid, in order. */
    public List<LocalTime> starts() {
        List<LocalTime> starts = new ArrayList<>();
        int end = minuteOfDay(endTime);
        for (int minute = minuteOfDay(startTime); minute + slotMinutes <= end; minute += slotMinutes) {
            starts.add(LocalTime.of(minute / 60, minute % 60));
        }
        return starts;
    }

    /** Whether {@code time} is one of the grid's starts. */
    public boolean offers(LocalTime time) {
        if (time.getSecond() != 0 || time.getNano() != 0) {
            return false;
        }
        int minute = minuteOfDay(time);
        int start = minuteOfDay(startTime);
        return minute >= start && (minute - start) % slotMinutes == 0 && minute + slotMinutes <= minuteOfDay(endTime);
    }

    private static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
