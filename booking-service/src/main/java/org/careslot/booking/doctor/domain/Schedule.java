package org.careslot.booking.doctor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A doctor's weekly slots and time off in the doctor's time zone, and the rules that follow from them: which start
 * times a date offers, whether a wanted time is bookable, and what is still free. Plain Java, no Spring.
 *
 * <p>Daylight-saving changes: local times are resolved with the zone's rules. A local time inside a gap (clocks jump
 * forward) does not exist on that date and is never offered or accepted. A local time inside an overlap (clocks fall
 * back, the hour repeats) is taken at the EARLIER offset, i.e. its first occurrence; the repeated hour's second
 * occurrence offers nothing. An appointment lasts {@code slot_minutes} of real time from its start.
 */
public final class Schedule {

    /** An occupied stretch of the doctor's time (an active appointment). */
    public record BusyTime(Instant startsAt, Instant endsAt) {
    }

    /** The outcome of checking a wanted date and start time. */
    public sealed interface Check {
        /** The time is bookable (free of conflicts is for the database to decide). */
        record Bookable(SlotTime time) implements Check {
        }

        /** Not bookable; {@code field} is the request field to blame ({@code date} or {@code start_time}). */
        record Refused(String field, String message) implements Check {
        }
    }

    private final ZoneId zone;
    private final List<WeeklySlot> slots;
    private final List<TimeOff> timeOff;

    public Schedule(ZoneId zone, List<WeeklySlot> slots, List<TimeOff> timeOff) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.slots = List.copyOf(slots);
        this.timeOff = List.copyOf(timeOff);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The weekly slots, by weekday and start. */
    public List<WeeklySlot> weeklySlots() {
        return slots;
    }

    public List<TimeOff> timeOff() {
        return timeOff;
    }

    public boolean isOff(LocalDate date) {
        return timeOff.stream().anyMatch(off -> off.covers(date));
    }

    /**
     * Every start the date offers by the weekly grid, resolved in the zone, by start instant: none on time off, none
     * that falls into a daylight-saving gap. Past times are included.
     */
    public List<SlotTime> slotTimes(LocalDate date) {
        if (isOff(date)) {
            return List.of();
        }
        return slots.stream()
                .filter(slot -> slot.weekday() == date.getDayOfWeek())
                .flatMap(slot -> slot.starts().stream()
                        .map(start -> resolve(date, start, slot.slotMinutes()))
                        .flatMap(Optional::stream))
                .sorted(Comparator.comparing(time -> time.startsAt().toInstant()))
                .toList();
    }

    /** The starts of {@link #slotTimes(LocalDate)} that lie after {@code now} and overlap none of {@code busy}. */
    public List<SlotTime> available(LocalDate date, Instant now, Collection<BusyTime> busy) {
        return slotTimes(date).stream()
                .filter(time -> time.startsAt().toInstant().isAfter(now))
                .filter(time -> busy.stream().noneMatch(b -> time.overlaps(b.startsAt(), b.endsAt())))
                .toList();
    }

    /**
     * Whether {@code start} on {@code date} may be booked at {@code now}: not in the past, not on time off, on the
     * grid of one of the weekday's slots, and existing in the zone.
     */
    public Check check(LocalDate date, LocalTime start, Instant now) {
        if (date.isBefore(LocalDate.ofInstant(now, zone))) {
            return new Check.Refused("date", "Must not be in the past.");
        }
        if (isOff(date)) {
            return new Check.Refused("start_time", "The doctor is not available on " + date + " (time off).");
        }
        Optional<WeeklySlot> slot = slots.stream()
                .filter(candidate -> candidate.weekday() == date.getDayOfWeek() && candidate.offers(start))
                .findFirst();
        if (slot.isEmpty()) {
            return new Check.Refused("start_time", "Not a bookable start time of this doctor on " + date
                    + " (" + date.getDayOfWeek() + "); see the doctor's availability.");
        }
        Optional<SlotTime> time = resolve(date, start, slot.get().slotMinutes());
        if (time.isEmpty()) {
            return new Check.Refused("start_time", start + " does not exist on " + date + " in " + zone
                    + " (the clocks are put forward then).");
        }
        if (!time.get().startsAt().toInstant().isAfter(now)) {
            return new Check.Refused("start_time", "Must be in the future.");
        }
        return new Check.Bookable(time.get());
    }

    /** The local start resolved in the zone: empty in a gap, the earlier offset in an overlap. */
    Optional<SlotTime> resolve(LocalDate date, LocalTime start, int slotMinutes) {
        LocalDateTime local = LocalDateTime.of(date, start);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime startsAt = ZonedDateTime.ofLocal(local, zone, null); // null: the earlier offset of an overlap
        ZonedDateTime endsAt = startsAt.plusMinutes(slotMinutes);           // on the instant time-line
        return Optional.of(new SlotTime(date, start, endsAt.toLocalTime(), startsAt, endsAt, slotMinutes));
    }
}
