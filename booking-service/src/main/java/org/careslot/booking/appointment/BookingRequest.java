package org.careslot.booking.appointment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.careslot.platform.web.problem.FieldMessages;
import org.careslot.platform.web.request.CanonicalUuid;
import org.careslot.platform.web.request.ClockTime;
import org.careslot.platform.web.request.IsoDate;
import org.careslot.platform.web.request.WireFormats;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * The book body of api.md, bound and checked with {@code @Valid}: {@code patient_id} only for admins (who may book for
 * whom is {@link BookingService}'s rule). Text members with format constraints rather than typed ones, so that one 400
 * names every malformed field; the typed readings below are safe once the record is valid.
 */
public record BookingRequest(
        @NotBlank @CanonicalUuid String doctorId,
        @NotBlank @IsoDate String date,
        @NotBlank @ClockTime String startTime,
        @Size(max = BookingRequest.MAX_NOTES, message = FieldMessages.AT_MOST_TEMPLATE) String notes,
        @Size(max = BookingRequest.MAX_SYMPTOMS, message = FieldMessages.AT_MOST_TEMPLATE) String symptoms,
        @CanonicalUuid String patientId) {

    public static final int MAX_NOTES = 2000;
    public static final int MAX_SYMPTOMS = 2000;

    UUID doctor() {
        return WireFormats.uuid(doctorId).orElseThrow();
    }

    LocalDate day() {
        return WireFormats.date(date).orElseThrow();
    }

    LocalTime start() {
        return WireFormats.time(startTime).orElseThrow();
    }

    /** null: the caller books for themselves */
    UUID patient() {
        return WireFormats.uuid(patientId).orElse(null);
    }

    @Override
    public String toString() { // notes and symptoms are medical data
        return "BookingRequest[doctorId=" + doctorId + ", date=" + date + ", startTime=" + startTime + "]";
    }
}
