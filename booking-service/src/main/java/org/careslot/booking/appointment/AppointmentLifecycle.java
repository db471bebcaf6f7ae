package org.careslot.booking.appointment;

import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentAction;
import org.careslot.booking.appointment.domain.AppointmentChange;
import org.careslot.booking.appointment.domain.Lifecycle;
import org.careslot.booking.appointment.domain.Party;
import org.careslot.booking.appointment.messaging.AppointmentEvents;
import org.careslot.booking.appointment.persistence.AppointmentHistory;
import org.careslot.booking.appointment.persistence.AppointmentRepository;
import org.careslot.booking.appointment.persistence.OverlapConflict;
import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.doctor.domain.Schedule;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.ForbiddenException;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.platform.web.request.WireFormats;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * Status changes and rescheduling. Each runs in one transaction: read the appointment, check who may act (404 for
 * someone else's appointment, 403 for a party without the right), check the status rules (409), write the new state
 * only if nobody changed it meanwhile (optimistic lock on {@code version}, else 409), add the history entry and
 * publish the event.
 */
@Service
public class AppointmentLifecycle {

    private final AppointmentRepository appointments;
    private final AppointmentHistory history;
    private final AppointmentEvents events;
    private final DoctorDirectory doctors;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BookingMetrics metrics;

    public AppointmentLifecycle(AppointmentRepository appointments, AppointmentHistory history,
                                AppointmentEvents events, DoctorDirectory doctors, TransactionTemplate transaction,
                                Clock clock, BookingMetrics metrics) {
        this.appointments = appointments;
        this.history = history;
        this.events = events;
        this.doctors = doctors;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = metrics;
    }

    public AppointmentWithHistory confirm(CurrentUser caller, UUID id) {
        return change(caller, id, AppointmentAction.CONFIRM, (appointment, now) -> appointment.moved(
                AppointmentAction.CONFIRM, now), null);
    }

    public AppointmentWithHistory noShow(CurrentUser caller, UUID id) {
        return change(caller, id, AppointmentAction.NO_SHOW, (appointment, now) -> appointment.moved(
                AppointmentAction.NO_SHOW, now), null);
    }

    public AppointmentWithHistory complete(CurrentUser caller, UUID id, String prescription) {
        String text = WireFormats.text(prescription);
        return change(caller, id, AppointmentAction.COMPLETE, (appointment, now) -> appointment.completed(text, now),
                null);
    }

    public AppointmentWithHistory cancel(CurrentUser caller, UUID id, String reason) {
        String text = WireFormats.text(reason);
        return change(caller, id, AppointmentAction.CANCEL, (appointment, now) -> appointment.cancelled(text, now),
                text);
    }

    /**
     * Moves the appointment to a new bookable time of its doctor in ONE update of its time range: the old time is
     * freed and the new one taken atomically under the exclusion constraints; a conflict leaves the old time as it
     * was. The appointment becomes PENDING again (the doctor confirms the new time); the booked fee stays.
     */
    public AppointmentWithHistory reschedule(CurrentUser caller, UUID id, LocalDate newDate, LocalTime newStart) {
        return change(caller, id, AppointmentAction.RESCHEDULE, (appointment, now) -> {
            Doctor doctor = doctors.find(appointment.doctorId()).filter(Doctor::active).orElseThrow(() ->
                    new ConflictException("The doctor is not accepting appointments at the moment."));
            SlotTime time = switch (doctor.schedule().check(newDate, newStart, now)) {
                case Schedule.Check.Bookable bookable -> bookable.time();
                case Schedule.Check.Refused refused ->
                        throw InvalidFieldsException.of(refused.field(), refused.message());
            };
            if (time.startsAt().toInstant().equals(appointment.startsAt())) {
                throw InvalidFieldsException.of("start_time", "The appointment already starts at this time.");
            }
            return appointment.rescheduled(newDate, newStart, time.endTime(), doctor.schedule().zone().getId(),
                    time.startsAt().toInstant(), time.endsAt().toInstant(), now);
        }, null);
    }

    @FunctionalInterface
    private interface Change {
        Appointment apply(Appointment current, Instant now);
    }

    private AppointmentWithHistory change(CurrentUser caller, UUID id, AppointmentAction action, Change change, String reason) {
        try {
            AppointmentWithHistory result = transaction.execute(status -> {
                Instant now = clock.instant();
                Appointment current = appointments.find(id).orElseThrow(() -> notFound());
                Set<Party> relations = current.relationsOf(caller.id(), caller.isAdmin());
                if (relations.isEmpty()) {
                    throw notFound();
                }
                Party actingAs = Lifecycle.actingAs(action, relations).orElseThrow(() -> new ForbiddenException(
                        "Only " + describe(action.allowed()) + " may do this."));
                Lifecycle.refusal(action, current.status(), current.startsAt(), now).ifPresent(message -> {
                    throw new ConflictException(message);
                });
                Appointment changed = change.apply(current, now);
                if (!appointments.update(changed, current.version())) {
                    throw new ConflictException("The appointment was changed by someone else meanwhile; reload it "
                            + "and try again.");
                }
                history.add(new AppointmentChange(changed.id(), changed.version(), action, current.status(),
                        changed.status(), changed.startsAt(), caller.id(), actingAs, reason, now));
                events.publish(action, changed);
                return new AppointmentWithHistory(changed, history.of(changed.id()));
            });
            metrics.transition(action);
            return result;
        } catch (DataIntegrityViolationException e) {
            OverlapConflict conflict = OverlapConflict.of(e).orElseThrow(() -> new AppointmentStoreException(
                    action.name(), OverlapConflict.sqlState(e), e.getClass()));
            metrics.conflict(action, conflict);
            throw switch (conflict) {
                case DOCTOR -> new ConflictException("This time is already taken: the doctor has another "
                        + "appointment then. The appointment keeps its current time.");
                case PATIENT -> new ConflictException("The patient already has another appointment at this time. "
                        + "The appointment keeps its current time.");
            };
        }
    }

    static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("Appointment");
    }

    private static String describe(Set<Party> parties) {
        return parties.stream().map(party -> switch (party) {
            case PATIENT -> "the appointment's patient";
            case DOCTOR -> "the appointment's doctor";
            case ADMIN -> "an administrator";
        }).reduce((a, b) -> a + " or " + b).orElse("nobody");
    }
}
