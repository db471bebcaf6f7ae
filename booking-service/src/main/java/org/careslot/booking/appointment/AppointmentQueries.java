package org.careslot.booking.appointment;

import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.appointment.persistence.AppointmentHistory;
import org.careslot.booking.appointment.persistence.AppointmentRepository;
import org.careslot.booking.appointment.persistence.AppointmentRepository.Filter;
import org.careslot.booking.support.FieldErrors;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reading appointments: only one's own (as patient or as doctor), everything for admins. */
@Service
public class AppointmentQueries {

    /** The list filters of api.md as received (raw strings, validated here). */
    public record ListRequest(String status, String doctorId, String patientId, String dateFrom, String dateTo,
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
        UUID doctorId = errors.uuid("doctor_id", request.doctorId(), false);
        UUID patientId = errors.uuid("patient_id", request.patientId(), false);
        LocalDate from = errors.date("date_from", request.dateFrom(), false);
        LocalDate to = errors.date("date_to", request.dateTo(), false);
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
        errors.throwIfInvalid();
        UUID asPatient = null;
        UUID asDoctor = null;
        if (!caller.isAdmin()) {
            boolean doctor = caller.has(CurrentUser.Role.DOCTOR);
            boolean patient = caller.has(CurrentUser.Role.PATIENT) || !doctor;
            asPatient = patient ? caller.id() : null;
            asDoctor = doctor ? caller.id() : null;
        }
        Filter filter = new Filter(asPatient, asDoctor, status, doctorId, patientId, from, to);
        long count = appointments.count(filter);
        List<Appointment> results = count == 0 || page.offset() >= count ? List.of()
                : appointments.list(filter, descending, page.offset(), page.pageSize());
        return new Page(results, count);
    }
}
