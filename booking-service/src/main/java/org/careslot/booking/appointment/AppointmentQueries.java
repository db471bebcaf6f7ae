package org.careslot.booking.appointment;

import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.appointment.persistence.AppointmentHistory;
import org.careslot.booking.appointment.persistence.AppointmentRepository.Filter;
import org.careslot.booking.appointment.persistence.AppointmentRepository;
import org.careslot.booking.doctor.domain.Schedule;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reading appointments: only one's own (as patient or as doctor), everything for admins. */
@Service
public class AppointmentQueries {

    /**
     * The list filters of api.md; null filters nothing. {@code status} and {@code ordering} as received (their
     * vocabulary is checked here).
     */
    public record ListRequest(String status, UUID doctorId, UUID patientId, LocalDate dateFrom, LocalDate dateTo,
                              String ordering) {
    }

    public record Page(List<Appointment> appointments, long count) {
    }

    private final AppointmentRepository appointments;
    private final AppointmentHistory history;

    public AppointmentQueries(AppointmentRepository appointments, AppointmentHistory history) {
        this.appointments = appointments;
        this.history = history;
    }

    /**
     * The doctor's active (PENDING or CONFIRMED) appointments overlapping [from, to), as the busy times of the
     * doctor's schedule: what availability subtracts from the grid.
     */
    public List<Schedule.BusyTime> busy(UUID doctorId, Instant from, Instant to) {
        return appointments.busy(doctorId, from, to).stream()
                .map(occupied -> new Schedule.BusyTime(occupied.startsAt(), occupied.endsAt()))
                .toList();
    }

    /** @throws org.careslot.platform.web.problem.ResourceNotFoundException unknown, or not the caller's to see */
    public AppointmentWithHistory get(CurrentUser caller, UUID id) {
        Appointment appointment = appointments.find(id)
                .filter(found -> !found.relationsOf(caller.id(), caller.isAdmin()).isEmpty())
                .orElseThrow(AppointmentLifecycle::notFound);
        return new AppointmentWithHistory(appointment, history.of(id));
    }

    /**
     * The caller's appointments: a patient's own, a doctor's own (both for someone who is both), all for admins. The
     * filters narrow that set and never widen it: {@code patient_id} and {@code doctor_id} are meant for admins, and
     * for anyone else they only match within their own appointments.
     */
    public Page list(CurrentUser caller, ListRequest request, PageQuery page) {
        FieldErrors errors = new FieldErrors();
        AppointmentStatus status = null;
        if (request.status() != null && !request.status().isBlank()) {
            status = AppointmentStatus.parse(request.status().trim().toUpperCase()).orElse(null);
            if (status == null) {
                errors.reject("status", "Must be one of " + Arrays.toString(AppointmentStatus.values()) + ".");
            }
        }
        LocalDate from = request.dateFrom();
        LocalDate to = request.dateTo();
        if (from != null && to != null && to.isBefore(from)) {
            errors.reject("date_to", "Must not be before date_from.");
        }
        boolean descending = false;
        if (request.ordering() != null && !request.ordering().isBlank()) {
            switch (request.ordering().trim()) {
                case "starts_at" -> descending = false;
                case "-starts_at" -> descending = true;
                default -> errors.reject("ordering", "Must be starts_at or -starts_at.");
            }
        }
        errors.throwIfAny();
        UUID asPatient = null;
        UUID asDoctor = null;
        if (!caller.isAdmin()) {
            boolean doctor = caller.has(CurrentUser.Role.DOCTOR);
            boolean patient = caller.has(CurrentUser.Role.PATIENT) || !doctor;
            asPatient = patient ? caller.id() : null;
            asDoctor = doctor ? caller.id() : null;
        }
        Filter filter = new Filter(asPatient, asDoctor, status, request.doctorId(), request.patientId(), from, to);
        long count = appointments.count(filter);
        List<Appointment> results = count == 0 || page.offset() >= count ? List.of()
                : appointments.list(filter, descending, page.offset(), page.pageSize());
        return new Page(results, count);
    }
}
