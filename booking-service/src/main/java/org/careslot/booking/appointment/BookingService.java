package org.careslot.booking.appointment;

import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentAction;
import org.careslot.booking.appointment.domain.AppointmentChange;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.appointment.domain.Party;
import org.careslot.booking.appointment.messaging.AppointmentEvents;
import org.careslot.booking.appointment.persistence.AppointmentHistory;
import org.careslot.booking.appointment.persistence.AppointmentRepository;
import org.careslot.booking.appointment.persistence.OverlapConflict;
import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.doctor.domain.Schedule;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.booking.user.KnownUsers;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.ForbiddenException;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.request.WireFormats;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Booking an appointment. The time must be bookable by the doctor's schedule (checked here) and free for the doctor
 * and for the patient (enforced by the database's exclusion constraints, so that concurrent requests for one time
 * yield exactly one appointment). The appointment, its first history entry and its {@code appointment.booked} event
 * commit together or not at all; a caller's transaction (e.g. the web edge's Idempotency-Key) joins that one.
 */
@Service
public class BookingService {

    private final DoctorDirectory doctors;
    private final KnownUsers users;
    private final AppointmentRepository appointments;
    private final AppointmentHistory history;
    private final AppointmentEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BookingMetrics metrics;

    public BookingService(DoctorDirectory doctors, KnownUsers users, AppointmentRepository appointments,
                          AppointmentHistory history, AppointmentEvents events, TransactionTemplate transaction,
                          Clock clock, BookingMetrics metrics) {
        this.doctors = doctors;
        this.users = users;
        this.appointments = appointments;
        this.history = history;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param request a valid request ({@code @Valid}: every field's format)
     * @return the new appointment, PENDING
     * @throws InvalidFieldsException 400: no patient_id from an admin, unknown doctor or patient, a time the
     *                                schedule does not offer
     * @throws ForbiddenException     403, not a patient (or an admin booking for one)
     * @throws ConflictException      409, the doctor or the patient is busy then
     */
    public Appointment book(CurrentUser caller, BookingRequest request) {
        try {
            Appointment booked = attempt(caller, request, clock.instant());
            metrics.booking(BookingMetrics.Outcome.BOOKED);
            return booked;
        } catch (ConflictException e) {
            metrics.booking(BookingMetrics.Outcome.CONFLICT);
            throw e;
        } catch (InvalidFieldsException e) {
            metrics.booking(BookingMetrics.Outcome.INVALID);
            throw e;
        } catch (ForbiddenException e) {
            metrics.booking(BookingMetrics.Outcome.FORBIDDEN);
            throw e;
        }
    }

    /**
     * The demo-data seed path (only reachable when {@code careslot.booking.demo-backdating.enabled} is set): books for
     * a patient like an admin's {@link #book}, by the same rules and with the same history entry and
     * {@code appointment.booked} event, except that the time may lie in the past. Demo data needs past appointments
     * (completed ones make last month's reports) that the public API refuses.
     *
     * @throws ForbiddenException     403, not an admin
     * @throws InvalidFieldsException 400, as {@link #book}, and without patient_id
     */
    public Appointment bookInThePast(CurrentUser caller, BookingRequest request) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only administrators seed past appointments.");
        }
        if (request.patient() == null) {
            throw InvalidFieldsException.of("patient_id", "This field is required.");
        }
        // checked as of the beginning of time: every time on the doctor's grid counts as still to come
        return attempt(caller, request, Instant.EPOCH);
    }

    private Appointment attempt(CurrentUser caller, BookingRequest request, Instant bookableAfter) {
        boolean admin = caller.isAdmin();
        if (!admin && !caller.has(CurrentUser.Role.PATIENT)) {
            throw new ForbiddenException("Only patients book appointments (administrators may book for a patient).");
        }
        UUID requestedPatient = request.patient();
        if (requestedPatient != null && !requestedPatient.equals(caller.id()) && !admin) {
            throw new ForbiddenException("Only an administrator may book for another patient.");
        }
        if (requestedPatient == null && !caller.has(CurrentUser.Role.PATIENT)) {
            throw InvalidFieldsException.of("patient_id", "This field is required when an administrator books.");
        }
        UUID patientId = requestedPatient != null ? requestedPatient : caller.id();
        boolean forSelf = patientId.equals(caller.id());
        try {
            return transaction.execute(status -> create(caller, forSelf, patientId, request.doctor(), request.day(),
                    request.start(), WireFormats.text(request.notes()), WireFormats.text(request.symptoms()),
                    bookableAfter, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            OverlapConflict conflict = OverlapConflict.of(e).orElseThrow(() -> new AppointmentStoreException(
                    "Booking", OverlapConflict.sqlState(e), e.getClass()));
            metrics.conflict(AppointmentAction.BOOK, conflict);
            throw switch (conflict) {
                case DOCTOR -> new ConflictException("This time is already taken: the doctor has another "
                        + "appointment then. Pick another time from the doctor's availability.");
                case PATIENT -> new ConflictException(forSelf
                        ? "You already have another appointment at this time."
                        : "The patient already has another appointment at this time.");
            };
        }
    }

    private Appointment create(CurrentUser caller, boolean forSelf, UUID patientId, UUID doctorId, LocalDate date,
                               LocalTime start, String notes, String symptoms, Instant bookableAfter,
                               Instant now) {
        Doctor doctor = doctors.find(doctorId).filter(Doctor::active).orElseThrow(() -> InvalidFieldsException.of(
                "doctor_id", "Unknown doctor, or the doctor is not accepting appointments."));
        if (forSelf) {
            // unknown here is fine (identity's event may still be on its way); known and deactivated is not
            if (users.find(patientId).map(user -> !user.active()).orElse(false)) {
                throw new ForbiddenException("Your account is deactivated.");
            }
        } else if (!users.find(patientId).map(KnownUsers.KnownUser::isActivePatient).orElse(false)) {
            throw InvalidFieldsException.of("patient_id", "Unknown patient, or the account is not active.");
        }
        SlotTime time = switch (doctor.schedule().check(date, start, bookableAfter)) {
            case Schedule.Check.Bookable bookable -> bookable.time();
            case Schedule.Check.Refused refused -> throw InvalidFieldsException.of(refused.field(), refused.message());
        };
        Appointment appointment = new Appointment(UUID.randomUUID(), doctorId, patientId, date, start,
                time.endTime(), doctor.schedule().zone().getId(), time.startsAt().toInstant(),
                time.endsAt().toInstant(), AppointmentStatus.PENDING, doctor.consultationFee(), notes, symptoms, null,
                null, null, 1, caller.id(), now, now);
        appointments.insert(appointment);
        history.add(new AppointmentChange(appointment.id(), appointment.version(), AppointmentAction.BOOK, null,
                appointment.status(), appointment.startsAt(), caller.id(), forSelf ? Party.PATIENT : Party.ADMIN, null,
                now));
        events.publish(AppointmentAction.BOOK, appointment);
        return appointment;
    }
}
