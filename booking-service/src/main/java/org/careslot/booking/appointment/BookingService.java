package org.careslot.booking.appointment;

import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentAction;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.appointment.domain.Party;
import org.careslot.booking.appointment.messaging.AppointmentEvents;
import org.careslot.booking.appointment.persistence.AppointmentHistory;
import org.careslot.booking.appointment.persistence.AppointmentRepository;
import org.careslot.booking.appointment.persistence.IdempotencyKeys;
import org.careslot.booking.appointment.persistence.IdempotencyKeys.StoredResponse;
import org.careslot.booking.appointment.persistence.OverlapConflict;
import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.doctor.domain.Schedule;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.booking.support.FieldErrors;
import org.careslot.booking.user.KnownUsers;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.ForbiddenException;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

/**
 * Booking an appointment. The time must be bookable by the doctor's schedule (checked here) and free for the doctor
 * and for the patient (enforced by the database's exclusion constraints, so that concurrent requests for one time
 * yield exactly one appointment). The appointment, its first history entry, its {@code appointment.booked} event and
 * the Idempotency-Key's stored response commit together or not at all.
 */
@Service
public class BookingService {

    public static final int MAX_NOTES = 2000;
    public static final int MAX_SYMPTOMS = 2000;
    public static final int MAX_IDEMPOTENCY_KEY = 255;

    /** The book body of api.md as received (raw strings, validated here). */
    public record BookingRequest(String doctorId, String date, String startTime, String notes, String symptoms,
                                 String patientId) {

        /** A hash of everything the request asks for: equal for a retry of the same request. */
        String fingerprint() {
            String canonical = String.join("\u0000", "doctor_id=" + doctorId, "date=" + date,
                    "start_time=" + startTime, "notes=" + notes, "symptoms=" + symptoms, "patient_id=" + patientId);
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() { // notes and symptoms are medical data
            return "BookingRequest[doctorId=" + doctorId + ", date=" + date + ", startTime=" + startTime + "]";
        }
    }

    /**
     * The HTTP answer of a booking: 201 and the appointment, or the very response stored for the Idempotency-Key.
     *
     * @param replayed true when this is the stored first response of an earlier request with the same key
     */
    public record BookingResult(int status, String body, UUID appointmentId, boolean replayed) {

        @Override
        public String toString() { // the body holds medical data
            return "BookingResult[status=" + status + ", appointmentId=" + appointmentId + ", replayed=" + replayed + "]";
        }
    }

    private final DoctorDirectory doctors;
    private final KnownUsers users;
    private final AppointmentRepository appointments;
    private final AppointmentHistory history;
    private final AppointmentEvents events;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public BookingService(DoctorDirectory doctors, KnownUsers users, AppointmentRepository appointments,
                          AppointmentHistory history, AppointmentEvents events, IdempotencyKeys keys,
                          TransactionTemplate transaction, Clock clock) {
        this.doctors = doctors;
        this.users = users;
        this.appointments = appointments;
        this.history = history;
        this.events = events;
        this.keys = keys;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the Idempotency-Key header, or null
     * @param render         the 201 body of a new appointment (stored for replays of the key)
     * @throws InvalidFieldsException          400, every failing field
     * @throws ForbiddenException              403, not a patient (or an admin booking for one)
     * @throws ConflictException               409, the doctor or the patient is busy then
     * @throws IdempotencyKeyReusedException   422, the key was used for another request
     */
    public BookingResult book(CurrentUser caller, BookingRequest request, String idempotencyKey,
                              Function<Appointment, String> render) {
        boolean admin = caller.isAdmin();
        if (!admin && !caller.has(CurrentUser.Role.PATIENT)) {
            throw new ForbiddenException("Only patients book appointments (administrators may book for a patient).");
        }
        FieldErrors errors = new FieldErrors();
        UUID doctorId = errors.uuid("doctor_id", request.doctorId(), true);
        LocalDate date = errors.date("date", request.date(), true);
        LocalTime start = errors.time("start_time", request.startTime(), true);
        String notes = errors.text("notes", request.notes(), MAX_NOTES);
        String symptoms = errors.text("symptoms", request.symptoms(), MAX_SYMPTOMS);
        UUID requestedPatient = errors.uuid("patient_id", request.patientId(), false);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            errors.reject("Idempotency-Key", "Must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters.");
        }
        if (requestedPatient != null && !requestedPatient.equals(caller.id()) && !admin) {
            throw new ForbiddenException("Only an administrator may book for another patient.");
        }
        if (requestedPatient == null && !errors.has("patient_id") && !caller.has(CurrentUser.Role.PATIENT)) {
            errors.reject("patient_id", "This field is required when an administrator books.");
        }
        errors.throwIfInvalid();
        UUID patientId = requestedPatient != null ? requestedPatient : caller.id();
        boolean forSelf = patientId.equals(caller.id());
        String fingerprint = request.fingerprint();

        try {
            return transaction.execute(status -> {
                Instant now = clock.instant();
                if (idempotencyKey != null && !keys.claim(caller.id(), idempotencyKey, fingerprint, now)) {
                    StoredResponse stored = keys.find(caller.id(), idempotencyKey).orElseThrow(() ->
                            new IllegalStateException("a committed idempotency key without its response"));
                    if (!stored.requestHash().equals(fingerprint)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    return new BookingResult(stored.status(), stored.body(), stored.appointmentId(), true);
                }
                Appointment appointment = create(caller, forSelf, patientId, doctorId, date, start, notes, symptoms,
                        now);
                String body = render.apply(appointment);
                if (idempotencyKey != null) {
                    keys.complete(caller.id(), idempotencyKey, 201, body, appointment.id());
                }
                return new BookingResult(201, body, appointment.id(), false);
            });
        } catch (DataIntegrityViolationException e) {
            OverlapConflict conflict = OverlapConflict.of(e).orElseThrow(() -> new AppointmentStoreException(
                    "Booking", OverlapConflict.sqlState(e), e.getClass()));
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
                               LocalTime start, String notes, String symptoms, Instant now) {
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
        SlotTime time = switch (doctor.schedule().check(date, start, now)) {
            case Schedule.Check.Bookable bookable -> bookable.time();
            case Schedule.Check.Refused refused -> throw InvalidFieldsException.of(refused.field(), refused.message());
        };
        Appointment appointment = new Appointment(UUID.randomUUID(), doctorId, patientId, date, start,
                time.endTime(), doctor.schedule().zone().getId(), time.startsAt().toInstant(),
                time.endsAt().toInstant(), AppointmentStatus.PENDING, doctor.consultationFee(), notes, symptoms, null,
                null, null, 1, caller.id(), now, now);
        appointments.insert(appointment);
        history.add(new AppointmentHistory.Entry(appointment.id(), appointment.version(), AppointmentAction.BOOK, null,
                appointment.status(), appointment.startsAt(), caller.id(), forSelf ? Party.PATIENT : Party.ADMIN, null,
                now));
        events.publish(AppointmentAction.BOOK, appointment);
        return appointment;
    }
}
