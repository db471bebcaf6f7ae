package org.careslot.booking.availability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import org.careslot.booking.availability.AvailabilityService.DayAvailability;
import org.careslot.booking.doctor.domain.SlotTime;
import org.careslot.booking.support.Times;
import org.careslot.platform.web.request.IsoDate;
import org.careslot.platform.web.request.PathIds;
import org.careslot.platform.web.request.WireFormats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Availability")
class AvailabilityController {

    @Schema(description = "One free start time")
    record FreeSlot(
            @Schema(description = "local start HH:MM in the doctor's time zone", example = "09:00") String startTime,
            @Schema(description = "local end HH:MM (start + slot_minutes of real time)", example = "09:30") String endTime,
            @Schema(description = "the start instant with the zone's offset", example = "2026-12-01T09:00:00+06:00")
            String startsAt,
            @Schema(description = "the end instant with the zone's offset", example = "2026-12-01T09:30:00+06:00")
            String endsAt) {

        static FreeSlot of(SlotTime time) {
            return new FreeSlot(Times.hhmm(time.startTime()), Times.hhmm(time.endTime()),
                    Times.withOffset(time.startsAt().toInstant(), time.startsAt().getZone()),
                    Times.withOffset(time.endsAt().toInstant(), time.endsAt().getZone()));
        }
    }

    @Schema(description = "The free bookable start times of a doctor on one date")
    record AvailabilityResponse(UUID doctorId, LocalDate date,
                                @Schema(example = "Asia/Dhaka") String timeZone,
                                @Schema(description = "by start instant") List<FreeSlot> slots) {
    }

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    @GetMapping("/api/v1/doctors/{id}/availability")
    @SecurityRequirements // public: no token needed
    @Operation(summary = "Free bookable start times of a doctor on a date (public)",
            description = """
                    The start times of every weekly time slot of that weekday, on the slot's grid (start_time + k × \
                    slot_minutes while start + slot_minutes ≤ end_time), in the doctor's time zone; without the \
                    doctor's time off, without times overlapping an active (PENDING or CONFIRMED) appointment and \
                    without times that are not after now. Sorted by start instant.

                    Daylight-saving changes (zones that have them, e.g. America/New_York): a local time that does not \
                    exist that day (clocks put forward) is not offered; a local time that occurs twice (clocks put \
                    back) is offered once, at its EARLIER offset — the repeated hour's second occurrence offers \
                    nothing. An appointment lasts slot_minutes of real time, so end_time is the local time of \
                    starts_at + slot_minutes and may look shifted on such a day; starts_at/ends_at carry the offset.

                    Unknown or inactive doctor (or a malformed id) → 404. Missing or malformed date → 400 naming \
                    `date`. A past date or a date without slots answers an empty list. Answered from this service's \
                    local copy of the doctor (doctor.profile.v1), which may lag a schedule change by a moment.""")
    AvailabilityResponse availability(@PathVariable String id,
                                      @Parameter(description = "YYYY-MM-DD, in the doctor's time zone", required = true)
                                      @RequestParam(required = false) @NotBlank @IsoDate String date) {
        UUID doctorId = PathIds.parse(id, "Doctor"); // not a UUID names no doctor: 404 like an unknown one
        LocalDate day = WireFormats.date(date).orElseThrow();
        DayAvailability answer = availability.of(doctorId, day);
        return new AvailabilityResponse(doctorId, day, answer.doctor().schedule().zone().getId(),
                answer.free().stream().map(FreeSlot::of).toList());
    }
}
