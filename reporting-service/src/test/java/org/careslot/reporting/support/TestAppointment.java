package org.careslot.reporting.support;

import org.careslot.reporting.appointment.AppointmentSnapshot;
import org.careslot.reporting.appointment.domain.AppointmentStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An appointment as booking-service publishes it, one state at a time. */
public record TestAppointment(UUID id, UUID doctorId, UUID patientId, OffsetDateTime startsAt, String timeZone,
                              AppointmentStatus status, String fee) {

    /** Booked (PENDING) in Asia/Dhaka; {@code startsAt} like {@code 2031-01-20T10:00:00+06:00}. */
    public static TestAppointment booked(UUID doctorId, UUID patientId, String startsAt, String fee) {
        return new TestAppointment(UUID.randomUUID(), doctorId, patientId, OffsetDateTime.parse(startsAt),
                "Asia/Dhaka", AppointmentStatus.PENDING, fee);
    }

    public TestAppointment with(AppointmentStatus newStatus) {
        return new TestAppointment(id, doctorId, patientId, startsAt, timeZone, newStatus, fee);
    }

    /** Rescheduled: PENDING again at the new start. */
    public TestAppointment movedTo(String newStart) {
        return new TestAppointment(id, doctorId, patientId, OffsetDateTime.parse(newStart), timeZone,
                AppointmentStatus.PENDING, fee);
    }

    /** The same history for another doctor and appointment id (a second, independent replay of it). */
    public TestAppointment as(UUID newId, UUID newDoctor) {
        return new TestAppointment(newId, newDoctor, patientId, startsAt, timeZone, status, fee);
    }

    public AppointmentSnapshot snapshot() {
        return new AppointmentSnapshot(id, doctorId, patientId, startsAt, timeZone, status, new BigDecimal(fee));
    }

    /** {@code data} of booking.appointment.v1 (docs/schemas/booking.appointment.v1/appointment.json). */
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("doctor_id", doctorId.toString());
        data.put("patient_id", patientId.toString());
        data.put("starts_at", startsAt.toString());
        data.put("ends_at", startsAt.plusMinutes(30).toString());
        data.put("time_zone", timeZone);
        data.put("status", status.name());
        data.put("consultation_fee", fee);
        data.put("notes", null);
        return data;
    }
}
