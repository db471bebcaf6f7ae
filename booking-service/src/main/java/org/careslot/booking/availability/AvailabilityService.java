package org.careslot.booking.availability;

import org.careslot.booking.appointment.AppointmentQueries;
import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The free bookable start times of a doctor on one date: the weekly grid of that weekday in the doctor's time zone,
 * minus time off, minus the times of active appointments, minus what lies in the past. Answered from local state only.
 */
@Service
public class AvailabilityService {

    public record DayAvailability(Doctor doctor, LocalDate date, List<SlotTime> free) {
    }

    private final DoctorDirectory doctors;
    private final AppointmentQueries appointments;
    private final Clock clock;

    public AvailabilityService(DoctorDirectory doctors, AppointmentQueries appointments, Clock clock) {
        this.doctors = doctors;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** @throws ResourceNotFoundException unknown or inactive doctor */
    public DayAvailability of(UUID doctorId, LocalDate date) {
        Doctor doctor = doctors.find(doctorId).filter(Doctor::active)
                .orElseThrow(() -> new ResourceNotFoundException("Doctor"));
        List<SlotTime> grid = doctor.schedule().slotTimes(date);
        if (grid.isEmpty()) {
            return new DayAvailability(doctor, date, List.of());
        }
        Instant from = grid.getFirst().startsAt().toInstant();
        Instant to = grid.stream().map(time -> time.endsAt().toInstant()).max(Comparator.naturalOrder()).orElseThrow();
        return new DayAvailability(doctor, date,
                doctor.schedule().available(date, clock.instant(), appointments.busy(doctorId, from, to)));
    }
}
