package org.careslot.booking.availability;

import org.careslot.booking.appointment.AppointmentQueries;
import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.doctor.domain.Schedule;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The free bookable start times of a doctor on one date: the weekly grid of that weekday in the doctor's time zone,
 * minus time off, minus the times of active appointments, minus what lies in the past. Answered from local state only.
 */
@Service
public class AvailabilityService {

    public record DayAvailability(Doctor doctor, LocalDate date, List<SlotTime> free) {
    }

    /** One start of the weekly grid and whether it is still bookable (free) or not (taken, or not after now). */
    public record Offer(SlotTime time, boolean free) {
    }

    /** Every grid start of the doctor in the dates [from, until), by start instant. */
    public record RangeAvailability(Doctor doctor, List<Offer> offers) {
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

    /**
     * The grid of every date in [from, until) with each start marked free exactly when {@link #of} would offer it;
     * the busy times of the whole range are read at once.
     *
     * @throws ResourceNotFoundException unknown or inactive doctor
     */
    public RangeAvailability range(UUID doctorId, LocalDate from, LocalDate until) {
        Doctor doctor = doctors.find(doctorId).filter(Doctor::active)
                .orElseThrow(() -> new ResourceNotFoundException("Doctor"));
        List<SlotTime> grid = from.datesUntil(until).flatMap(date -> doctor.schedule().slotTimes(date).stream())
                .toList();
        if (grid.isEmpty()) {
            return new RangeAvailability(doctor, List.of());
        }
        Instant start = grid.stream().map(time -> time.startsAt().toInstant()).min(Comparator.naturalOrder())
                .orElseThrow();
        Instant end = grid.stream().map(time -> time.endsAt().toInstant()).max(Comparator.naturalOrder())
                .orElseThrow();
        List<Schedule.BusyTime> busy = appointments.busy(doctorId, start, end);
        Instant now = clock.instant();
        Set<SlotTime> free = new HashSet<>();
        from.datesUntil(until).forEach(date -> free.addAll(doctor.schedule().available(date, now, busy)));
        return new RangeAvailability(doctor, grid.stream()
                .sorted(Comparator.comparing(time -> time.startsAt().toInstant()))
                .map(time -> new Offer(time, free.contains(time))).toList());
    }
}
