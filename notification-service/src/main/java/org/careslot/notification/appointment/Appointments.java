package org.careslot.notification.appointment;

import org.careslot.notification.appointment.persistence.AppointmentRepository;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** The local copy of appointments from booking.appointment.v1. */
@Service
public class Appointments {

    private final AppointmentRepository appointments;
    private final Clock clock;
    private final ApplicationEventPublisher listeners;

    public Appointments(AppointmentRepository appointments, Clock clock, ApplicationEventPublisher listeners) {
        this.appointments = appointments;
        this.clock = clock;
        this.listeners = listeners;
    }

    public Optional<Appointment> find(UUID id) {
        return appointments.find(id);
    }

    /**
     * Stores version {@code sequence} of the appointment. Only newer versions arrive here: the platform's event
     * template drops redelivered and older events in the same transaction. Listeners of {@link AppointmentStored}
     * run synchronously, in this transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Appointment store(AppointmentSnapshot snapshot, long sequence) {
        Appointment appointment = toAppointment(snapshot, sequence);
        Appointment previous = appointments.find(appointment.id()).orElse(null);
        appointments.save(appointment, clock.instant());
        listeners.publishEvent(new AppointmentStored(previous, appointment, sequence));
        return appointment;
    }

    /** The next sequence of notification.reminder.v1 events about the appointment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long nextEventSequence(UUID appointmentId) {
        return appointments.nextEventSequence(appointmentId);
    }

    private static Appointment toAppointment(AppointmentSnapshot s, long sequence) {
        if (s.id() == null || s.doctorId() == null || s.patientId() == null || s.startsAt() == null
                || s.endsAt() == null || s.timeZone() == null || s.status() == null) {
            throw new InvalidEventException("appointment event lacks a required field");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(s.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidEventException("appointment event names an unknown time zone");
        }
        // as PostgreSQL keeps them (microseconds), so a start read back compares equal to the same start from an event
        return new Appointment(s.id(), s.doctorId(), s.patientId(), s.startsAt().toInstant().truncatedTo(ChronoUnit.MICROS),
                s.endsAt().toInstant().truncatedTo(ChronoUnit.MICROS), zone, s.status(), sequence);
    }
}
