package org.careslot.doctor.profile.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.careslot.doctor.profile.domain.Specialization;

import java.time.DayOfWeek;

/**
 * The request bodies as the OpenAPI document describes them. The controllers read bodies as JSON trees instead, so that
 * a member of the wrong type is one more field error in the 400 rather than an unreadable body.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    @Schema(name = "DoctorProfileRequest", description = "Create or replace a doctor profile")
    record ProfileBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Specialization specialization,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 50, example = "A-12345",
                    description = "Unique among doctors, case-insensitively") String licenseNumber,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "70") Integer experienceYears,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "500.00",
                    description = "BDT, > 0, at most 2 decimal places; a JSON number is accepted too")
            String consultationFee,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500, example = "MBBS, FCPS (Medicine)")
            String qualification,
            @Schema(maxLength = 4000, nullable = true) String bio,
            @Schema(defaultValue = "Asia/Dhaka", description = "IANA time zone of slot times and time-off dates")
            String timeZone) {
    }

    @Schema(name = "TimeSlotRequest", description = "A weekly availability window")
    record SlotBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DayOfWeek weekday,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^([01]\\d|2[0-3]):[0-5]\\d$",
                    example = "09:00") String startTime,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^([01]\\d|2[0-3]):[0-5]\\d$",
                    example = "12:00", description = "Exclusive; after start_time") String endTime,
            @Schema(defaultValue = "30", minimum = "5", maximum = "240",
                    description = "Length of one appointment; the window must be a whole number of them")
            Integer slotMinutes) {
    }

    @Schema(name = "TimeOffRequest", description = "Whole days without availability, both dates inclusive")
    record TimeOffBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2026-12-24")
            String dateFrom,
            @Schema(format = "date", description = "Defaults to date_from") String dateTo,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500, example = "Conference")
            String reason) {
    }

}
