package org.careslot.doctor.profile.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.careslot.doctor.profile.DoctorResponse;
import org.careslot.doctor.profile.api.DoctorRequests.ProfileRequest;
import org.careslot.doctor.profile.api.DoctorRequests.SlotRequest;
import org.careslot.doctor.profile.api.DoctorRequests.TimeOffRequest;
import org.careslot.doctor.profile.api.DoctorResponses.TimeOffResponse;
import org.careslot.doctor.profile.api.DoctorResponses.TimeSlotResponse;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A doctor's own profile, weekly time slots and time off. The doctor id is the caller's user id (JWT sub); only the
 * DOCTOR role may use these (others 403).
 */
@RestController
@Tag(name = "Own doctor profile and schedule (DOCTOR)")
@PreAuthorize("hasRole('DOCTOR')")
class MyDoctorController {

    private final DoctorResources doctors;

    MyDoctorController(DoctorResources doctors) {
        this.doctors = doctors;
    }

    @GetMapping("/api/v1/doctors/me/profile")
    @Operation(summary = "Your doctor profile", description = "404 until you have created it with PUT.")
    DoctorResponse profile(@Parameter(hidden = true) CurrentUser caller) {
        return doctors.profile(caller.id());
    }

    @PutMapping("/api/v1/doctors/me/profile")
    @Operation(summary = "Create or replace your doctor profile", description = DoctorResources.PROFILE_BODY)
    ResponseEntity<DoctorResponse> putProfile(
            @Parameter(hidden = true) CurrentUser caller,
            @RequestBody @Valid ProfileRequest body) {
        return doctors.putProfile(caller.id(), body);
    }

    @GetMapping("/api/v1/doctors/me/time-slots")
    @Operation(summary = "Your weekly time slots, Monday first, by start time",
            description = "404 without a profile." + DoctorResources.PAGED)
    PageResponse<TimeSlotResponse> slots(@Parameter(hidden = true) CurrentUser caller,
                                         @RequestParam(required = false) String page,
                                         @RequestParam(name = "page_size", required = false) String pageSize) {
        return doctors.slots(caller.id(), page, pageSize);
    }

    @PostMapping("/api/v1/doctors/me/time-slots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a weekly time slot", description = DoctorResources.SLOT_BODY)
    TimeSlotResponse addSlot(
            @Parameter(hidden = true) CurrentUser caller,
            @RequestBody @Valid SlotRequest body) {
        return doctors.addSlot(caller.id(), body);
    }

    @PutMapping("/api/v1/doctors/me/time-slots/{slot_id}")
    @Operation(summary = "Replace one of your time slots",
            description = DoctorResources.SLOT_BODY + " Another doctor's slot id → 404.")
    TimeSlotResponse replaceSlot(
            @Parameter(hidden = true) CurrentUser caller,
            @PathVariable("slot_id") String slotId,
            @RequestBody @Valid SlotRequest body) {
        return doctors.replaceSlot(caller.id(), slotId, body);
    }

    @DeleteMapping("/api/v1/doctors/me/time-slots/{slot_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove one of your time slots",
            description = "204; another doctor's slot id → 404. Appointments already booked in it are not touched "
                    + "(booking-service owns them). Publishes doctor.profile.updated.")
    void deleteSlot(@Parameter(hidden = true) CurrentUser caller, @PathVariable("slot_id") String slotId) {
        doctors.deleteSlot(caller.id(), slotId);
    }

    @GetMapping("/api/v1/doctors/me/time-off")
    @Operation(summary = "Your time off, by start date", description = "404 without a profile." + DoctorResources.PAGED)
    PageResponse<TimeOffResponse> timeOff(@Parameter(hidden = true) CurrentUser caller,
                                          @RequestParam(required = false) String page,
                                          @RequestParam(name = "page_size", required = false) String pageSize) {
        return doctors.timeOff(caller.id(), page, pageSize);
    }

    @PostMapping("/api/v1/doctors/me/time-off")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Block whole days (leave, conference)", description = DoctorResources.TIME_OFF_BODY)
    TimeOffResponse addTimeOff(
            @Parameter(hidden = true) CurrentUser caller,
            @RequestBody @Valid TimeOffRequest body) {
        return doctors.addTimeOff(caller.id(), body);
    }

    @DeleteMapping("/api/v1/doctors/me/time-off/{time_off_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove one of your time offs",
            description = "204; another doctor's id → 404. Publishes doctor.profile.updated.")
    void deleteTimeOff(@Parameter(hidden = true) CurrentUser caller, @PathVariable("time_off_id") String timeOffId) {
        doctors.deleteTimeOff(caller.id(), timeOffId);
    }
}
