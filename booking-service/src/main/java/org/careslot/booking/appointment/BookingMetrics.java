package org.careslot.booking.appointment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.careslot.booking.appointment.domain.AppointmentAction;
import org.careslot.booking.appointment.persistence.OverlapConflict;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The booking service's business counters, every tag value registered at start-up (a series reads 0 before its first
 * event, so rates work from the start). Tags are fixed vocabularies: never a user, doctor or appointment id.
 */
@Component
public class BookingMetrics {

    public static final String BOOKINGS = "careslot.bookings";
    public static final String SLOT_CONFLICTS = "careslot.slot.conflicts";
    public static final String TRANSITIONS = "careslot.appointment.transitions";

    /** How a booking request that passed the format checks ended. */
    public enum Outcome {
        /** created (PENDING) */
        BOOKED,
        /** 409: the doctor or the patient already has an appointment then */
        CONFLICT,
        /** 400: unknown or inactive doctor or patient, a time the schedule does not offer, in the past */
        INVALID,
        /** 403: not a patient, or booking for someone else without being an admin, or a deactivated account */
        FORBIDDEN
    }

    private final Map<Outcome, Counter> bookings = new EnumMap<>(Outcome.class);
    private final Map<AppointmentAction, Map<OverlapConflict, Counter>> conflicts = new EnumMap<>(AppointmentAction.class);
    private final Map<AppointmentAction, Counter> transitions = new EnumMap<>(AppointmentAction.class);

    public BookingMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            bookings.put(outcome, Counter.builder(BOOKINGS)
                    .description("Booking requests by outcome")
                    .tag("outcome", tag(outcome))
                    .register(registry));
        }
        for (AppointmentAction action : new AppointmentAction[]{AppointmentAction.BOOK, AppointmentAction.RESCHEDULE}) {
            Map<OverlapConflict, Counter> byParty = new EnumMap<>(OverlapConflict.class);
            for (OverlapConflict party : OverlapConflict.values()) {
                byParty.put(party, Counter.builder(SLOT_CONFLICTS)
                        .description("Bookings and reschedules refused because the doctor or the patient was busy")
                        .tag("action", tag(action))
                        .tag("party", tag(party))
                        .register(registry));
            }
            conflicts.put(action, byParty);
        }
        for (AppointmentAction action : AppointmentAction.values()) {
            if (action != AppointmentAction.BOOK) {
                transitions.put(action, Counter.builder(TRANSITIONS)
                        .description("Committed appointment changes after booking, by action")
                        .tag("action", tag(action))
                        .register(registry));
            }
        }
    }

    void booking(Outcome outcome) {
        bookings.get(outcome).increment();
    }

    void conflict(AppointmentAction action, OverlapConflict party) {
        // only a booking or a new time can overlap; any other action's conflict is not a slot conflict
        Map<OverlapConflict, Counter> byParty = conflicts.get(action);
        if (byParty != null) {
            byParty.get(party).increment();
        }
    }

    void transition(AppointmentAction action) {
        transitions.get(action).increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
