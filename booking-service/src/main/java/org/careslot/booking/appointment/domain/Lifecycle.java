package org.careslot.booking.appointment.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The status rules of appointments. Plain Java, no Spring. */
public final class Lifecycle {

    private static final Party[] PRECEDENCE = {Party.PATIENT, Party.DOCTOR, Party.ADMIN};

    private Lifecycle() {
    }

    /**
     * The capacity in which a caller with these relations to the appointment may take the action: their own party
     * role first (the patient, then the doctor), ADMIN last; empty when none of them may (answer 403).
     */
    public static Optional<Party> actingAs(AppointmentAction action, Set<Party> relations) {
        for (Party party : PRECEDENCE) {
            if (relations.contains(party) && action.allowed().contains(party)) {
                return Optional.of(party);
            }
        }
        return Optional.empty();
    }

    /**
     * Why the action cannot be applied to an appointment in {@code current} status starting at {@code startsAt}, at
     * {@code now}; empty when it can (answer 409 otherwise).
     */
    public static Optional<String> refusal(AppointmentAction action, AppointmentStatus current, Instant startsAt,
                                           Instant now) {
        if (!action.from().contains(current)) {
            return Optional.of("A " + current + " appointment cannot be " + action.pastTense() + ".");
        }
        if (action.onlyAfterStart() && startsAt.isAfter(now)) {
            return Optional.of("The appointment has not started yet: it can be " + action.pastTense()
                    + " only once its start time has passed.");
        }
        return Optional.empty();
    }
}
