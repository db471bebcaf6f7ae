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
import org.careslot.platform.web.request.PathIds;
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

/** An admin manages any doctor: the same operations as a doctor's own /me/ endpoints, for doctor {id}. */
@RestController
@Tag(name = "Doctor administration (ADMIN)")
@PreAuthorize("hasRole('ADMIN')")
class DoctorAdministrationController {

    private static final String DOCTOR = "Doctor profile";

    private final DoctorResources doctors;

    DoctorAdministrationController(DoctorResources doctors) {
        this.doctors = doctors;
    }

    @GetMapping("/api/v1/doctors/{id}/profile")
    @Operation(summary = "A doctor's profile, listed or not",
            description = "Also doctors whose account is deactivated or not yet known here (is_active false). "
                    + "404 when the doctor has no profile.")
    DoctorResponse profile(@PathVariable String id) {
        return doctors.profile(PathIds.parse(id, DOCTOR));
    }

    @PutMapping("/api/v1/doctors/{id}/profile")
    @Operation(summary = "Create or replace a doctor's profile",
            description = "{id} is the doctor's user id. " + DoctorResources.PROFILE_BODY)
    ResponseEntity<DoctorResponse> putProfile(
            @PathVariable String id,
            @RequestBody @Valid ProfileRequest body) {
        return doctors.putProfile(PathIds.parse(id, DOCTOR), body);
    }

    @GetMapping("/api/v1/doctors/{id}/time-slots")
    @Operation(summary = "A doctor's weekly time slots", description = "404 without a profile." + DoctorResources.PAGED)
    PageResponse<TimeSlotResponse> slots(@PathVariable String id, @RequestParam(required = false) String page,
                                         @RequestParam(name = "page_size", required = false) String pageSize) {
        return doctors.slots(PathIds.parse(id, DOCTOR), page, pageSize);
    }

    @PostMapping("/api/v1/doctors/{id}/time-slots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a weekly time slot to a doctor", description = DoctorResources.SLOT_BODY)
    TimeSlotResponse addSlot(
            @PathVariable String id,
            @RequestBody @Valid SlotRequest body) {
        return doctors.addSlot(PathIds.parse(id, DOCTOR), body);
    }

    @PutMapping("/api/v1/doctors/{id}/time-slots/{slot_id}")
    @Operation(summary = "Replace a doctor's time slot",
            description = DoctorResources.SLOT_BODY + " A slot of another doctor → 404.")
    TimeSlotResponse replaceSlot(
            @PathVariable String id,
            @PathVariable("slot_id") String slotId,
            @RequestBody @Valid SlotRequest body) {
        return doctors.replaceSlot(PathIds.parse(id, DOCTOR), slotId, body);
    }

    @DeleteMapping("/api/v1/doctors/{id}/time-slots/{slot_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a doctor's time slot", description = "204; a slot of another doctor → 404.")
    void deleteSlot(@PathVariable String id, @PathVariable("slot_id") String slotId) {
        doctors.deleteSlot(PathIds.parse(id, DOCTOR), slotId);
    }

    @GetMapping("/api/v1/doctors/{id}/time-off")
    @Operation(summary = "A doctor's time off", description = "404 without a profile." + DoctorResources.PAGED)
    PageResponse<TimeOffResponse> timeOff(@PathVariable String id, @RequestParam(required = false) String page,
                                          @RequestParam(name = "page_size", required = false) String pageSize) {
        return doctors.timeOff(PathIds.parse(id, DOCTOR), page, pageSize);
    }

    @PostMapping("/api/v1/doctors/{id}/time-off")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Block whole days for a doctor", description = DoctorResources.TIME_OFF_BODY)
    TimeOffResponse addTimeOff(
            @PathVariable String id,
            @RequestBody @Valid TimeOffRequest body) {
        return doctors.addTimeOff(PathIds.parse(id, DOCTOR), body);
    }

    @DeleteMapping("/api/v1/doctors/{id}/time-off/{time_off_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a doctor's time off", description = "204; a time off of another doctor → 404.")
    void deleteTimeOff(@PathVariable String id, @PathVariable("time_off_id") String timeOffId) {
        doctors.deleteTimeOff(PathIds.parse(id, DOCTOR), timeOffId);
    }
}
