package org.careslot.doctor.profile.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.careslot.platform.web.request.ClockTime;
import org.careslot.doctor.profile.api.RequestConstraints.ConsultationFee;
import org.careslot.platform.web.request.IsoDate;
import org.careslot.doctor.profile.api.RequestConstraints.LicenseNumber;
import org.careslot.doctor.profile.api.RequestConstraints.SpecializationCode;
import org.careslot.doctor.profile.api.RequestConstraints.TimeZoneId;
import org.careslot.doctor.profile.api.RequestConstraints.Weekday;
import org.careslot.doctor.profile.api.RequestConstraints.WholeNumber;
import org.careslot.doctor.profile.domain.ProfileRules;
import org.careslot.doctor.profile.domain.ProfileRules.ProfileInput;
import org.careslot.doctor.profile.domain.SlotRules;
import org.careslot.doctor.profile.domain.SlotRules.SlotInput;
import org.careslot.doctor.profile.domain.Specialization;
import org.careslot.doctor.profile.domain.TimeOffRules;
import org.careslot.doctor.profile.domain.TimeOffRules.TimeOffInput;

import java.time.DayOfWeek;

/**
 * The request bodies of the doctor endpoints, checked with {@code @Valid} member by member (every failing member in one
 * 400); the rules across members (a slot's grid, date order) are the domain's. Members a body has beyond these are
 * ignored, so id, full_name, location and is_active can never be set through a body (mass assignment).
 */
final class DoctorRequests {

    private DoctorRequests() {
    }

    @Schema(name = "DoctorProfileRequest", description = "Create or replace a doctor profile")
    record ProfileRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, implementation = Specialization.class)
            @NotBlank @SpecializationCode String specialization,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProfileRules.MAX_LICENSE,
                    example = "A-12345", description = "Unique among doctors, case-insensitively")
            @NotBlank @LicenseNumber String licenseNumber,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "integer", minimum = "0",
                    maximum = "" + ProfileRules.MAX_EXPERIENCE_YEARS)
            @NotNull @WholeNumber(min = 0, max = ProfileRules.MAX_EXPERIENCE_YEARS) String experienceYears,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "500.00",
                    description = "BDT, > 0, at most 2 decimal places; a JSON number is accepted too")
            @NotNull @ConsultationFee String consultationFee,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProfileRules.MAX_QUALIFICATION,
                    example = "MBBS, FCPS (Medicine)")
            @NotBlank @Size(max = ProfileRules.MAX_QUALIFICATION, message = AT_MOST) String qualification,
            @Schema(maxLength = ProfileRules.MAX_BIO, nullable = true)
            @Size(max = ProfileRules.MAX_BIO, message = AT_MOST) String bio,
            @Schema(defaultValue = ProfileRules.DEFAULT_TIME_ZONE,
                    description = "IANA time zone of slot times and time-off dates")
            @TimeZoneId String timeZone) {

        /** Only after {@code @Valid} passed: every number is well-formed then. */
        ProfileInput toInput() {
            return new ProfileInput(specialization, licenseNumber, Integer.valueOf(experienceYears.strip()),
                    RequestConstraints.decimal(consultationFee), qualification, bio, timeZone);
        }
    }

    @Schema(name = "TimeSlotRequest", description = "A weekly availability window")
    record SlotRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, implementation = DayOfWeek.class)
            @NotBlank @Weekday String weekday,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = HH_MM, example = "09:00")
            @NotBlank @ClockTime String startTime,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = HH_MM, example = "12:00",
                    description = "Exclusive; after start_time")
            @NotBlank @ClockTime String endTime,
            @Schema(type = "integer", defaultValue = "" + SlotRules.DEFAULT_SLOT_MINUTES,
                    minimum = "" + SlotRules.MIN_SLOT_MINUTES, maximum = "" + SlotRules.MAX_SLOT_MINUTES,
                    description = "Length of one appointment; the window must be a whole number of them")
            @WholeNumber(min = SlotRules.MIN_SLOT_MINUTES, max = SlotRules.MAX_SLOT_MINUTES) String slotMinutes) {

        /** Only after {@code @Valid} passed. */
        SlotInput toInput() {
            return new SlotInput(weekday, startTime, endTime,
                    slotMinutes == null ? null : Integer.valueOf(slotMinutes.strip()));
        }
    }

    @Schema(name = "TimeOffRequest", description = "Whole days without availability, both dates inclusive")
    record TimeOffRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2026-12-24")
            @NotBlank @IsoDate String dateFrom,
            @Schema(format = "date", description = "Defaults to date_from")
            @IsoDate String dateTo,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TimeOffRules.MAX_REASON,
                    example = "Conference")
            @NotBlank @Size(max = TimeOffRules.MAX_REASON, message = AT_MOST) String reason) {

        TimeOffInput toInput() {
            return new TimeOffInput(dateFrom, dateTo, reason);
        }
    }

    /** The wording of {@code FieldMessages.atMost}, as a Bean Validation message. */
    private static final String AT_MOST = "Must be at most {max} characters.";
    private static final String HH_MM = "^([01]\\d|2[0-3]):[0-5]\\d$";
}
