package org.careslot.doctor.profile.api;

import org.careslot.doctor.profile.DoctorProfiles;
import org.careslot.doctor.profile.DoctorProfiles.PutResult;
import org.careslot.doctor.profile.DoctorResponse;
import org.careslot.doctor.profile.DoctorSchedules;
import org.careslot.doctor.profile.ScheduleViews.TimeOffView;
import org.careslot.doctor.profile.ScheduleViews.TimeSlotView;
import org.careslot.doctor.profile.api.DoctorRequests.ProfileRequest;
import org.careslot.doctor.profile.api.DoctorRequests.SlotRequest;
import org.careslot.doctor.profile.api.DoctorRequests.TimeOffRequest;
import org.careslot.doctor.profile.api.DoctorResponses.TimeOffResponse;
import org.careslot.doctor.profile.api.DoctorResponses.TimeSlotResponse;
import org.careslot.doctor.profile.domain.Specialization;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.request.PathIds;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * What the doctor's own endpoints ({@code /me/}) and the admin endpoints ({@code /{id}/}) do, for a given doctor id:
 * both controllers only decide whose doctor it is. Also the OpenAPI texts they share.
 */
@Component
class DoctorResources {

    static final String PROFILE_BODY = "Body: {specialization, license_number, experience_years, consultation_fee, "
            + "qualification, bio?, time_zone?}. specialization is one of " + Specialization.CODES
            + " (case-insensitive). license_number: letters and digits, optionally separated by "
            + "single spaces, '-', '/' or '.', at most 50 characters, unique case-insensitively (another doctor's → "
            + "409, also for concurrent requests: a unique index decides). experience_years: integer 0–70. "
            + "consultation_fee: BDT, a JSON number or a decimal string, > 0, at most 1000000.00, at most 2 decimal "
            + "places; answered as a string with 2 places (\"500.00\"). qualification: required, at most 500 "
            + "characters. bio: optional, at most 4000. time_zone: an IANA zone, default Asia/Dhaka; slot times and "
            + "time-off dates are in it. Every invalid field is reported at once (400). Anything else in the body "
            + "(id, full_name, location, is_active) is ignored: name, location and active flag come from the "
            + "doctor's account (identity-service) only. Answers 201 when the profile was created, 200 when it was "
            + "replaced. A profile may be created before this service has received the doctor's account from "
            + "identity.user.v1 (the token proves the DOCTOR role); until the account arrives full_name and the "
            + "location are null, is_active is false and the doctor is not listed in search. Every change publishes "
            + "doctor.profile.updated.";
    static final String SLOT_BODY = "Body: {weekday: MONDAY..SUNDAY, start_time: \"HH:MM\", end_time: \"HH:MM\", "
            + "slot_minutes?}. Times are in the doctor's time zone, within one day (00:00–23:59; end_time is exclusive, "
            + "a slot cannot cross midnight); start_time < end_time. slot_minutes (default 30, 5–240) is the length of "
            + "one appointment; the slot must be a whole number of appointments long (09:00–12:00 with 30 offers "
            + "09:00, 09:30, …, 11:30), so slot_minutes ≤ end_time − start_time. Slots of one doctor on one weekday "
            + "must not overlap (adjacent is fine: 09:00–10:00 and 10:00–11:00) → 409; the database enforces this "
            + "(exclusion constraint), so concurrent requests cannot both succeed. Requires a profile (404 without "
            + "one). Publishes doctor.profile.updated with the whole weekly schedule.";
    static final String TIME_OFF_BODY = "Body: {date_from: YYYY-MM-DD, date_to?: YYYY-MM-DD, reason}. Whole days in the "
            + "doctor's time zone, both inclusive; date_to defaults to date_from; date_from ≤ date_to; reason required, "
            + "at most 500 characters. Time offs may overlap. During a time off the doctor has no availability (search "
            + "available_on, booking). Requires a profile (404 without one). Publishes doctor.profile.updated (the "
            + "event carries the dates, not the reason).";
    static final String PAGED = " Paginated with page and page_size (default 20, max 100).";

    private static final String SLOT = "Time slot";
    private static final String TIME_OFF = "Time off";

    private final DoctorProfiles profiles;
    private final DoctorSchedules schedules;

    DoctorResources(DoctorProfiles profiles, DoctorSchedules schedules) {
        this.profiles = profiles;
        this.schedules = schedules;
    }

    DoctorResponse profile(UUID doctorId) {
        return DoctorResponse.of(profiles.get(doctorId));
    }

    ResponseEntity<DoctorResponse> putProfile(UUID doctorId, ProfileRequest request) {
        PutResult result = profiles.put(doctorId, request.toInput());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(DoctorResponse.of(result.doctor()));
    }

    PageResponse<TimeSlotResponse> slots(UUID doctorId, String page, String pageSize) {
        PageQuery query = PageQuery.of(page, pageSize);
        Page<TimeSlotView> slots = schedules.slots(doctorId, query);
        return PageResponse.of(slots.getContent().stream().map(TimeSlotResponse::of).toList(),
                slots.getTotalElements(), query);
    }

    TimeSlotResponse addSlot(UUID doctorId, SlotRequest request) {
        return TimeSlotResponse.of(schedules.addSlot(doctorId, request.toInput()));
    }

    TimeSlotResponse replaceSlot(UUID doctorId, String slotId, SlotRequest request) {
        return TimeSlotResponse.of(schedules.replaceSlot(doctorId, PathIds.parse(slotId, SLOT), request.toInput()));
    }

    void deleteSlot(UUID doctorId, String slotId) {
        schedules.deleteSlot(doctorId, PathIds.parse(slotId, SLOT));
    }

    PageResponse<TimeOffResponse> timeOff(UUID doctorId, String page, String pageSize) {
        PageQuery query = PageQuery.of(page, pageSize);
        Page<TimeOffView> timeOff = schedules.timeOff(doctorId, query);
        return PageResponse.of(timeOff.getContent().stream().map(TimeOffResponse::of).toList(),
                timeOff.getTotalElements(), query);
    }

    TimeOffResponse addTimeOff(UUID doctorId, TimeOffRequest request) {
        return TimeOffResponse.of(schedules.addTimeOff(doctorId, request.toInput()));
    }

    void deleteTimeOff(UUID doctorId, String timeOffId) {
        schedules.deleteTimeOff(doctorId, PathIds.parse(timeOffId, TIME_OFF));
    }
}
