package org.careslot.booking.fhir.domain;

import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.booking.doctor.domain.WeeklySlot;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.TimeType;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * This service's state as FHIR R4 resources (HAPI's model): doctors as Practitioner, PractitionerRole and Schedule
 * (all three with the doctor's id), grid starts as Slot, appointments as Appointment. An Appointment never carries
 * notes, symptoms, prescription, the cancellation reason or anyone's name: only times, status and references.
 */
public final class FhirResources {

    /** Our own code system of the doctor's speciality (doctor.profile.v1's enum names). */
    public static final String SPECIALIZATION_SYSTEM = "https://careslot.org/fhir/CodeSystem/specialization";
    /** PractitionerRole extension, valueMoney: the doctor's current consultation fee in BDT. */
    public static final String CONSULTATION_FEE_EXTENSION =
            "https://careslot.org/fhir/StructureDefinition/consultation-fee";
    /**
     * Schedule extension, one per weekly slot: sub-extensions {@code day} (code mon..sun), {@code availableStartTime},
     * {@code availableEndTime} (time, local to the doctor's zone, end exclusive) and {@code slotMinutes}
     * (positiveInt: bookable starts are start + k × slotMinutes).
     */
    public static final String WEEKLY_AVAILABILITY_EXTENSION =
            "https://careslot.org/fhir/StructureDefinition/weekly-availability";
    /** Schedule extension, valueCode: the IANA time zone of the weekly availability, e.g. Asia/Dhaka. */
    public static final String TIME_ZONE_EXTENSION = "https://careslot.org/fhir/StructureDefinition/time-zone";
    /** How far the Schedule's planning horizon reaches from today (in the doctor's zone). */
    public static final int PLANNING_HORIZON_DAYS = 90;
    public static final String CURRENCY = "BDT";

    private static final Map<String, String> DISPLAY_EXCEPTIONS = Map.of(
            "ENT", "ENT (ear, nose and throat)",
            "GYNECOLOGY_OBSTETRICS", "Gynecology and obstetrics");
    private static final DateTimeFormatter SLOT_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    private FhirResources() {
    }

    public static Practitioner practitioner(Doctor doctor) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(doctor.id().toString());
        practitioner.setActive(doctor.active());
        if (doctor.fullName() != null) {
            practitioner.addName(new HumanName().setText(doctor.fullName()));
        }
        return practitioner;
    }

    public static PractitionerRole practitionerRole(Doctor doctor) {
        PractitionerRole role = new PractitionerRole();
        role.setId(doctor.id().toString());
        role.setActive(doctor.active());
        role.setPractitioner(practitionerReference(doctor.id()));
        if (doctor.specialization() != null) {
            role.addSpecialty(new CodeableConcept(new Coding(SPECIALIZATION_SYSTEM, doctor.specialization(),
                    specializationDisplay(doctor.specialization()))));
        }
        role.addExtension(new Extension(CONSULTATION_FEE_EXTENSION,
                new Money().setValue(doctor.consultationFee()).setCurrency(CURRENCY)));
        return role;
    }

    /** e.g. CARDIOLOGY → "Cardiology", GENERAL_PRACTICE → "General practice". */
    public static String specializationDisplay(String code) {
        String exception = DISPLAY_EXCEPTIONS.get(code);
        if (exception != null) {
            return exception;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The doctor's one Schedule: the weekly slots as {@link #WEEKLY_AVAILABILITY_EXTENSION}s (and as text in
     * {@code comment}), the zone as {@link #TIME_ZONE_EXTENSION}, the horizon today .. today + {@value
     * #PLANNING_HORIZON_DAYS} days. Time off is not listed: the Slots of a day off are simply absent.
     */
    public static Schedule schedule(Doctor doctor, LocalDate today) {
        ZoneId zone = doctor.schedule().zone();
        Schedule schedule = new Schedule();
        schedule.setId(doctor.id().toString());
        schedule.setActive(doctor.active());
        schedule.addActor(practitionerReference(doctor.id()));
        schedule.setPlanningHorizon(new Period()
                .setStartElement(dateTime(today.atStartOfDay(zone).toInstant(), zone))
                .setEndElement(dateTime(today.plusDays(PLANNING_HORIZON_DAYS).atStartOfDay(zone).toInstant(), zone)));
        schedule.addExtension(new Extension(TIME_ZONE_EXTENSION, new CodeType(zone.getId())));
        for (WeeklySlot slot : doctor.schedule().weeklySlots()) {
            Extension weekly = new Extension(WEEKLY_AVAILABILITY_EXTENSION);
            weekly.addExtension("day", new CodeType(dayCode(slot.weekday())));
            weekly.addExtension("availableStartTime", new TimeType(slot.startTime() + ":00"));
            weekly.addExtension("availableEndTime", new TimeType(slot.endTime() + ":00"));
            weekly.addExtension("slotMinutes", new PositiveIntType(slot.slotMinutes()));
            schedule.addExtension(weekly);
        }
        String weekly = doctor.schedule().weeklySlots().stream()
                .map(slot -> dayCode(slot.weekday()) + " " + slot.startTime() + "-" + slot.endTime() + " every "
                        + slot.slotMinutes() + " min")
                .collect(Collectors.joining("; "));
        schedule.setComment("Weekly availability (" + zone.getId() + "): "
                + (weekly.isEmpty() ? "none" : weekly) + ". Days off have no slots.");
        return schedule;
    }

    /** FHIR's days-of-week code: mon, tue, ... */
    static String dayCode(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    /**
     * One start of the doctor's grid. {@code free}: bookable now; otherwise {@code busy} when an active appointment
     * holds it, {@code busy-unavailable} when its start is not after {@code now}.
     */
    public static Slot slot(UUID doctorId, SlotTime time, boolean free, Instant now) {
        Slot slot = new Slot();
        slot.setId(slotId(doctorId, time));
        slot.setSchedule(new Reference("Schedule/" + doctorId));
        Slot.SlotStatus status;
        if (free) {
            status = Slot.SlotStatus.FREE;
        } else if (!time.startsAt().toInstant().isAfter(now)) {
            status = Slot.SlotStatus.BUSYUNAVAILABLE;
        } else {
            status = Slot.SlotStatus.BUSY;
        }
        slot.setStatus(status);
        ZoneId zone = time.startsAt().getZone();
        slot.setStartElement(instant(time.startsAt().toInstant(), zone));
        slot.setEndElement(instant(time.endsAt().toInstant(), zone));
        return slot;
    }

    /** {doctor id}-{local start yyyyMMddTHHmm}: stable for a grid start, within FHIR's 64-character id limit. */
    static String slotId(UUID doctorId, SlotTime time) {
        return doctorId + "-" + time.startsAt().toLocalDateTime().format(SLOT_ID_TIME);
    }

    /** What a Slot id names: the doctor and the local start of one grid start. */
    public record SlotKey(UUID doctorId, LocalDateTime start) {
    }

    /** The doctor and local start a Slot id names; empty for anything {@link #slotId} cannot have produced. */
    public static Optional<SlotKey> slotKey(String id) {
        // a UUID is 36 characters, then '-' and the 13 of yyyyMMddTHHmm
        if (id == null || id.length() != 36 + 1 + 13 || id.charAt(36) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(new SlotKey(UUID.fromString(id.substring(0, 36)),
                    LocalDateTime.parse(id.substring(37), SLOT_ID_TIME)));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The appointment's times, status and parties (references only). PENDING is {@code pending} (the patient asked,
     * the doctor has not confirmed yet: the practitioner's participation is {@code needs-action}).
     */
    public static org.hl7.fhir.r4.model.Appointment appointment(Appointment appointment) {
        org.hl7.fhir.r4.model.Appointment fhir = new org.hl7.fhir.r4.model.Appointment();
        fhir.setId(appointment.id().toString());
        fhir.getMeta().setVersionId(Long.toString(appointment.version()));
        fhir.getMeta().setLastUpdated(Date.from(appointment.updatedAt()));
        fhir.setStatus(appointmentStatus(appointment.status()));
        ZoneId zone = appointment.zone();
        fhir.setStartElement(instant(appointment.startsAt(), zone));
        fhir.setEndElement(instant(appointment.endsAt(), zone));
        fhir.setMinutesDuration((int) java.time.Duration.between(appointment.startsAt(), appointment.endsAt())
                .toMinutes());
        fhir.setCreatedElement(dateTime(appointment.createdAt(), zone));
        fhir.addParticipant()
                .setActor(new Reference("Patient/" + appointment.patientId()))
                .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED)
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        fhir.addParticipant()
                .setActor(practitionerReference(appointment.doctorId()))
                .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED)
                .setStatus(appointment.status() == AppointmentStatus.PENDING
                        ? org.hl7.fhir.r4.model.Appointment.ParticipationStatus.NEEDSACTION
                        : org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        return fhir;
    }

    public static org.hl7.fhir.r4.model.Appointment.AppointmentStatus appointmentStatus(AppointmentStatus status) {
        return switch (status) {
            case PENDING -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.PENDING;
            case CONFIRMED -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.BOOKED;
            case CANCELLED -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.CANCELLED;
            case COMPLETED -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.FULFILLED;
            case NO_SHOW -> org.hl7.fhir.r4.model.Appointment.AppointmentStatus.NOSHOW;
        };
    }

    /** The stored status a FHIR status code stands for; empty for a code this service never uses. */
    public static Optional<AppointmentStatus> appointmentStatus(String fhirCode) {
        for (AppointmentStatus status : AppointmentStatus.values()) {
            if (appointmentStatus(status).toCode().equals(fhirCode)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** An OperationOutcome with one error issue; {@code parameter} (may be null) is named in the issue's expression. */
    public static OperationOutcome outcome(OperationOutcome.IssueType type, String parameter, String message) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(message);
        if (parameter != null) {
            issue.addExpression(parameter);
        }
        return outcome;
    }

    static Reference practitionerReference(UUID doctorId) {
        return new Reference("Practitioner/" + doctorId);
    }

    /** An instant shown at the zone's offset of that moment (e.g. 2026-12-03T09:00:00+06:00). */
    private static InstantType instant(Instant instant, ZoneId zone) {
        return new InstantType(Date.from(instant), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(zone));
    }

    private static DateTimeType dateTime(Instant instant, ZoneId zone) {
        DateTimeType value = new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND);
        value.setTimeZone(TimeZone.getTimeZone(zone));
        return value;
    }

    /** The FHIR version this API speaks. */
    public static Enumerations.FHIRVersion fhirVersion() {
        return Enumerations.FHIRVersion._4_0_1;
    }
}
