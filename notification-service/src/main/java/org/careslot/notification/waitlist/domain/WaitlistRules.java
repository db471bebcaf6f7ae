package org.careslot.notification.waitlist.domain;

import org.careslot.notification.appointment.Appointment;
import org.careslot.platform.web.problem.FieldErrors;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The waitlist's rules: which dates one may wait for, when an appointment change frees a slot, who of the queue is told.
 */
public final class WaitlistRules {

    /** "Today" for the join rule: the platform's default zone (a doctor's own zone is not known to this service). */
    public static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Dhaka");
    /** How far ahead one may wait. */
    public static final int MAX_DAYS_AHEAD = 90;

    private static final String CANCELLED = "CANCELLED";

    private WaitlistRules() {
    }

    /** The date a patient may join for: today (in {@link #PLATFORM_ZONE}) up to {@link #MAX_DAYS_AHEAD} days ahead. */
    public static FieldErrors checkDate(LocalDate date, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        if (date.isBefore(today)) {
            errors.reject("date", "Must be today or a later date.");
        } else if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            errors.reject("date", "Must be at most " + MAX_DAYS_AHEAD + " days ahead.");
        }
        return errors;
    }

    /**
     * The slot a stored appointment version gave up, if any: a cancellation frees the slot the appointment held; a
     * reschedule to another local date (or doctor) frees the old one. A reschedule within the same date frees nothing
     * for the waitlist (the doctor's day is as full as before); completion and no-show free nothing. A slot that has
     * started by {@code now} is not offered.
     *
     * @param previous the version stored before, or null when this service never saw the appointment (then only a
     *                 cancellation is understood, at the start it carries)
     */
    public static Optional<FreedSlot> freedSlot(@Nullable Appointment previous, Appointment current, long sequence,
                                                Instant now) {
        Appointment held;
        if (CANCELLED.equals(current.status())) {
            held = previous == null ? current : previous.active() ? previous : null;
        } else if (current.active() && previous != null && previous.active() && !sameDay(previous, current)) {
            held = previous;
        } else {
            held = null;
        }
        if (held == null || !held.startsAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new FreedSlot(current.id(), sequence, held.doctorId(), localDate(held), held.startsAt(),
                held.timeZone(), current.patientId()));
    }

    /**
     * The doctor and date a stored version newly took (booked, or moved to another day), if any: the patient's own
     * waiting entry for it is fulfilled.
     */
    public static Optional<Taken> takenSlot(@Nullable Appointment previous, Appointment current) {
        if (!current.active() || previous != null && previous.active() && sameDay(previous, current)) {
            return Optional.empty();
        }
        return Optional.of(new Taken(current.patientId(), current.doctorId(), localDate(current)));
    }

    /** A patient's appointment with a doctor on a date. */
    public record Taken(UUID patientId, UUID doctorId, LocalDate date) {
    }

    /**
     * Who is told about a freed slot: the head of the queue (entries in joining order), skipping the patient who freed
     * it. One entry per freed slot; the next freed slot goes to the next entry.
     */
    public static Optional<WaitingEntry> whoIsTold(List<WaitingEntry> queue, FreedSlot slot) {
        return queue.stream().filter(entry -> !entry.patientId().equals(slot.freedBy())).findFirst();
    }

    /** A WAITING entry in the queue of one doctor and date, in joining order. */
    public record WaitingEntry(UUID id, UUID patientId) {
    }

    private static boolean sameDay(Appointment a, Appointment b) {
        return a.doctorId().equals(b.doctorId()) && localDate(a).equals(localDate(b));
    }

    private static LocalDate localDate(Appointment appointment) {
        return appointment.startsAt().atZone(appointment.timeZone()).toLocalDate();
    }
}
