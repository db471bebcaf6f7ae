package org.careslot.booking.appointment.domain;

import java.util.EnumSet;
import java.util.Set;

import static org.careslot.booking.appointment.domain.AppointmentStatus.CANCELLED;
import static org.careslot.booking.appointment.domain.AppointmentStatus.COMPLETED;
import static org.careslot.booking.appointment.domain.AppointmentStatus.CONFIRMED;
import static org.careslot.booking.appointment.domain.AppointmentStatus.NO_SHOW;
import static org.careslot.booking.appointment.domain.AppointmentStatus.PENDING;

/**
 * Every change of an appointment, with who may make it, from which statuses, to which status, and the event it
 * publishes on booking.appointment.v1.
 */
public enum AppointmentAction {
    BOOK("appointment.booked", "booked", EnumSet.of(Party.PATIENT, Party.ADMIN), EnumSet.noneOf(AppointmentStatus.class),
            PENDING, false),
    CONFIRM("appointment.confirmed", "confirmed", EnumSet.of(Party.DOCTOR, Party.ADMIN), EnumSet.of(PENDING),
            CONFIRMED, false),
    COMPLETE("appointment.completed", "completed", EnumSet.of(Party.DOCTOR, Party.ADMIN), EnumSet.of(CONFIRMED),
            COMPLETED, true),
    NO_SHOW("appointment.no_show", "marked as a no-show", EnumSet.of(Party.DOCTOR, Party.ADMIN),
            EnumSet.of(CONFIRMED), AppointmentStatus.NO_SHOW, true),
    CANCEL("appointment.cancelled", "cancelled", EnumSet.of(Party.PATIENT, Party.DOCTOR, Party.ADMIN),
            EnumSet.of(PENDING, CONFIRMED), CANCELLED, false),
    /** A new time must be confirmed again: CONFIRMED goes back to PENDING. */
    RESCHEDULE("appointment.rescheduled", "rescheduled", EnumSet.of(Party.PATIENT, Party.ADMIN),
            EnumSet.of(PENDING, CONFIRMED), PENDING, false);

    private final String eventType;
    private final String pastTense;
    private final Set<Party> allowed;
    private final Set<AppointmentStatus> from;
    private final AppointmentStatus to;
    private final boolean onlyAfterStart;

    AppointmentAction(String eventType, String pastTense, Set<Party> allowed, Set<AppointmentStatus> from,
                      AppointmentStatus to, boolean onlyAfterStart) {
        this.eventType = eventType;
        this.pastTense = pastTense;
        this.allowed = allowed;
        this.from = from;
        this.to = to;
        this.onlyAfterStart = onlyAfterStart;
    }

    public String eventType() {
        return eventType;
    }

    public String pastTense() {
        return pastTense;
    }

    public Set<Party> allowed() {
        return allowed;
    }

    public Set<AppointmentStatus> from() {
        return from;
    }

    public AppointmentStatus to() {
        return to;
    }

    /** COMPLETED and NO_SHOW only once the appointment's start time has passed. */
    public boolean onlyAfterStart() {
        return onlyAfterStart;
    }
}
