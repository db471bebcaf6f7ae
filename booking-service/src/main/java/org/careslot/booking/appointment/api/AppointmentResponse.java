package org.careslot.booking.appointment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentChange;
import org.careslot.booking.support.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * An appointment as its parties (patient, doctor) and admins see it. {@code notes}, {@code symptoms} and
 * {@code prescription} are medical data: this representation is only ever sent to them. {@code history} is present
 * on GET of one appointment and on the answers of status changes, absent in lists and in the booking's 201.
 */
@Schema(name = "Appointment")
public record AppointmentResponse(
        UUID id,
        UUID doctorId,
        UUID patientId,
        @Schema(description = "local date in the doctor's time zone", example = "2026-12-01") LocalDate date,
        @Schema(description = "local start HH:MM", example = "09:00") String startTime,
        @Schema(description = "local end HH:MM (start + slot_minutes of real time)", example = "09:30") String endTime,
        @Schema(description = "the doctor's time zone at booking time", example = "Asia/Dhaka") String timeZone,
        @Schema(example = "2026-12-01T09:00:00+06:00") String startsAt,
        @Schema(example = "2026-12-01T09:30:00+06:00") String endsAt,
        @Schema(allowableValues = {"PENDING", "CONFIRMED", "COMPLETED", "NO_SHOW", "CANCELLED"}) String status,
        @Schema(description = "BDT, the doctor's fee at booking time", example = "500.00") String consultationFee,
        String notes,
        String symptoms,
        @Schema(description = "written by the doctor with /complete/") String prescription,
        @Schema(description = "given with /cancel/") String cancelReason,
        @Schema(description = "the start before the last reschedule") String previousStartsAt,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "status changes, oldest first (one appointment and status changes only)")
        List<HistoryEntry> history) {

    /** One status change: who, as which party, when, from → to, the appointment's start after it, the reason. */
    @Schema(name = "AppointmentHistoryEntry")
    public record HistoryEntry(
            @Schema(allowableValues = {"BOOK", "CONFIRM", "CANCEL", "RESCHEDULE", "COMPLETE", "NO_SHOW"}) String action,
            @Schema(description = "null for the booking") String fromStatus,
            String toStatus,
            String startsAt,
            UUID changedBy,
            @Schema(allowableValues = {"PATIENT", "DOCTOR", "ADMIN"}) String changedByRole,
            String reason,
            Instant changedAt) {
    }

    public static AppointmentResponse of(Appointment a) {
        return of(a, null);
    }

    public static AppointmentResponse of(Appointment a, List<AppointmentChange> history) {
        ZoneId zone = a.zone();
        return new AppointmentResponse(a.id(), a.doctorId(), a.patientId(), a.date(), Times.hhmm(a.startTime()),
                Times.hhmm(a.endTime()), a.timeZone(), Times.withOffset(a.startsAt(), zone),
                Times.withOffset(a.endsAt(), zone), a.status().name(), a.consultationFee().toPlainString(), a.notes(),
                a.symptoms(), a.prescription(), a.cancelReason(), Times.withOffset(a.previousStartsAt(), zone),
                a.createdAt(), a.updatedAt(),
                history == null ? null : history.stream().map(entry -> new HistoryEntry(entry.action().name(),
                        entry.fromStatus() == null ? null : entry.fromStatus().name(), entry.toStatus().name(),
                        Times.withOffset(entry.startsAt(), zone), entry.changedBy(), entry.changedByRole().name(),
                        entry.reason(), entry.changedAt())).toList());
    }

    @Override
    public String toString() { // medical data stays out of logs
        return "AppointmentResponse[id=" + id + ", status=" + status + "]";
    }
}
