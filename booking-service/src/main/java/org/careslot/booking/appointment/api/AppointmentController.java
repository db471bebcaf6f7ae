package org.careslot.booking.appointment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.careslot.booking.appointment.AppointmentLifecycle;
import org.careslot.booking.appointment.AppointmentQueries.ListRequest;
import org.careslot.booking.appointment.AppointmentQueries;
import org.careslot.booking.appointment.AppointmentWithHistory;
import org.careslot.booking.appointment.BookingRequest;
import org.careslot.booking.appointment.BookingService;
import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.platform.web.idempotency.Idempotent;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.problem.FieldMessages;
import org.careslot.platform.web.request.CanonicalUuid;
import org.careslot.platform.web.request.ClockTime;
import org.careslot.platform.web.request.IsoDate;
import org.careslot.platform.web.request.PathIds;
import org.careslot.platform.web.request.WireFormats;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

@RestController
@Tag(name = "Appointments")
class AppointmentController {

    static final int MAX_REASON = 500;
    static final int MAX_PRESCRIPTION = 4000;

    record CancelRequest(@Size(max = MAX_REASON, message = FieldMessages.AT_MOST_TEMPLATE) String reason) {
        @Override
        public String toString() {
            return "CancelRequest[]";
        }
    }

    record CompleteRequest(
            @Size(max = MAX_PRESCRIPTION, message = FieldMessages.AT_MOST_TEMPLATE) String prescription) {
        @Override
        public String toString() {
            return "CompleteRequest[]";
        }
    }

    /** Text members with format constraints, so that one 400 names both when both are malformed. */
    record RescheduleRequest(@NotBlank @IsoDate String date, @NotBlank @ClockTime String startTime) {

        LocalDate day() {
            return WireFormats.date(date).orElseThrow();
        }

        LocalTime start() {
            return WireFormats.time(startTime).orElseThrow();
        }
    }

    private final BookingService booking;
    private final AppointmentLifecycle lifecycle;
    private final AppointmentQueries queries;
    private final Idempotent idempotent;

    AppointmentController(BookingService booking, AppointmentLifecycle lifecycle, AppointmentQueries queries,
                          Idempotent idempotent) {
        this.booking = booking;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    @PostMapping("/api/v1/appointments")
    @Operation(summary = "Book an appointment (PATIENT; an ADMIN books for a patient with patient_id)",
            description = """
                    Body {doctor_id, date, start_time, notes?, symptoms?} (+ patient_id for admins) → 201 with the \
                    appointment, status PENDING, fee = the doctor's consultation_fee at this moment.

                    400 (errors per field): missing/malformed fields; doctor_id unknown or the doctor not active \
                    (400 on doctor_id, not 404: it is a field of the body); date before today in the doctor's zone \
                    (on date); a start_time that is not on the grid of one of the doctor's weekly slots for that \
                    weekday, lies in the doctor's time off, does not exist that day (daylight-saving gap) or is not \
                    after now (on start_time); notes/symptoms over 2000 characters; an admin without patient_id or \
                    with a patient_id that is not a known active patient (on patient_id). 403: DOCTOR callers, a \
                    patient giving someone else's patient_id, a deactivated patient. A patient not yet known to this \
                    service (the identity event still on its way) may book: the token vouches for the role.

                    409 when the doctor already has an active (PENDING/CONFIRMED) appointment overlapping the time \
                    ("time already taken") or the patient has one ("you already have another appointment") — \
                    enforced by PostgreSQL exclusion constraints, so of concurrent requests for one time exactly one \
                    gets 201.

                    Idempotency-Key header (optional, ≤ 255 characters, scoped to the caller): a retry with the same \
                    key and the same body answers the FIRST response (same status and body, header \
                    Idempotent-Replayed: true) and creates nothing; concurrent retries wait for the first and get \
                    its answer. The same key with a different body → 422. A request that failed (4xx/5xx) stores \
                    nothing, so its key may be retried. Keys are kept for 24 hours.""")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "makes retries safe")
    @ApiResponse(responseCode = "201", description = "booked (or the replayed first answer of this Idempotency-Key)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AppointmentResponse.class)))
    ResponseEntity<String> book(@Valid @RequestBody BookingRequest body,
                                @RequestHeader(name = Idempotent.KEY_HEADER, required = false) String idempotencyKey,
                                @Parameter(hidden = true) CurrentUser caller) {
        return idempotent.respond(caller.id(), idempotencyKey, body, () -> {
            Appointment booked = booking.book(caller, body);
            return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.id() + "/"))
                    .body(AppointmentResponse.of(booked));
        });
    }

    @GetMapping("/api/v1/appointments")
    @Operation(summary = "List appointments: PATIENT own, DOCTOR own, ADMIN all",
            description = """
                    Filters: status (PENDING|CONFIRMED|COMPLETED|NO_SHOW|CANCELLED), doctor_id, patient_id, \
                    date_from, date_to (inclusive, the appointment's local date), ordering starts_at (default) or \
                    -starts_at; paginated with page and page_size. patient_id is an admin's filter: for anyone else \
                    filters only narrow their own appointments and never widen them (a patient filtering by another \
                    patient_id gets an empty list). A malformed filter → 400 naming it. Items carry no history.""")
    PageResponse<AppointmentResponse> list(
            // a failed constraint is named by the Java parameter's snake_case form: keep it equal to the query name
            @RequestParam(required = false) String status,
            @RequestParam(name = "doctor_id", required = false) @CanonicalUuid String doctorId,
            @RequestParam(name = "patient_id", required = false) @CanonicalUuid String patientId,
            @RequestParam(name = "date_from", required = false) @IsoDate String dateFrom,
            @RequestParam(name = "date_to", required = false) @IsoDate String dateTo,
            @RequestParam(required = false) String ordering,
            @RequestParam(required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize,
            @Parameter(hidden = true) CurrentUser caller) {
        PageQuery query = PageQuery.of(page, pageSize);
        AppointmentQueries.Page found = queries.list(caller, new ListRequest(status,
                WireFormats.uuid(doctorId).orElse(null), WireFormats.uuid(patientId).orElse(null),
                WireFormats.date(dateFrom).orElse(null), WireFormats.date(dateTo).orElse(null), ordering), query);
        return PageResponse.of(found.appointments().stream().map(AppointmentResponse::of).toList(), found.count(),
                query);
    }

    @GetMapping("/api/v1/appointments/{id}")
    @Operation(summary = "One appointment with its status history (owner patient, the doctor, ADMIN)",
            description = "history lists every change oldest first: action, from_status → to_status, starts_at "
                    + "after the change, changed_by (user id) and changed_by_role (PATIENT, DOCTOR or ADMIN: the "
                    + "capacity the user acted in), reason (cancellation), changed_at. Someone else's appointment "
                    + "(or an unknown or malformed id) → 404, never revealing that it exists.")
    AppointmentResponse get(@PathVariable String id, @Parameter(hidden = true) CurrentUser caller) {
        AppointmentWithHistory found = queries.get(caller, parseId(id));
        return AppointmentResponse.of(found.appointment(), found.history());
    }

    @PostMapping("/api/v1/appointments/{id}/confirm")
    @Operation(summary = "Confirm: PENDING → CONFIRMED (the doctor, ADMIN)",
            description = STATUS_RULES)
    AppointmentResponse confirm(@PathVariable String id, @Parameter(hidden = true) CurrentUser caller) {
        return withHistory(lifecycle.confirm(caller, parseId(id)));
    }

    @PostMapping("/api/v1/appointments/{id}/complete")
    @Operation(summary = "Complete: CONFIRMED → COMPLETED, body {prescription?} (the doctor, ADMIN)",
            description = "Only once the appointment's start time has passed (409 before). prescription ≤ 4000 "
                    + "characters; without one an earlier prescription is kept. " + STATUS_RULES)
    AppointmentResponse complete(@PathVariable String id, @Valid @RequestBody(required = false) CompleteRequest body,
                                 @Parameter(hidden = true) CurrentUser caller) {
        return withHistory(lifecycle.complete(caller, parseId(id), body == null ? null : body.prescription()));
    }

    @PostMapping("/api/v1/appointments/{id}/no-show")
    @Operation(summary = "No-show: CONFIRMED → NO_SHOW (the doctor, ADMIN)",
            description = "Only once the appointment's start time has passed (409 before). " + STATUS_RULES)
    AppointmentResponse noShow(@PathVariable String id, @Parameter(hidden = true) CurrentUser caller) {
        return withHistory(lifecycle.noShow(caller, parseId(id)));
    }

    @PostMapping("/api/v1/appointments/{id}/cancel")
    @Operation(summary = "Cancel: PENDING|CONFIRMED → CANCELLED, body {reason?} (owner patient, the doctor, ADMIN)",
            description = "Frees the time at once (it reappears in the availability). reason ≤ 500 characters; it "
                    + "travels in the appointment.cancelled event as cancel_reason. " + STATUS_RULES)
    AppointmentResponse cancel(@PathVariable String id, @Valid @RequestBody(required = false) CancelRequest body,
                               @Parameter(hidden = true) CurrentUser caller) {
        return withHistory(lifecycle.cancel(caller, parseId(id), body == null ? null : body.reason()));
    }

    @PostMapping("/api/v1/appointments/{id}/reschedule")
    @Operation(summary = "Reschedule to {date, start_time} (owner patient, ADMIN)",
            description = """
                    PENDING or CONFIRMED only. The new time follows the booking rules (400 on date/start_time: on \
                    the doctor's grid, not in time off, existing that day, after now; the same time as now → 400). \
                    ONE update of the appointment's time range in one transaction frees the old time and takes the \
                    new one: if the doctor or the patient is busy then → 409 and the appointment keeps its old time. \
                    A rescheduled appointment is PENDING again (a CONFIRMED one needs the doctor's confirmation of \
                    the new time); the fee booked stays; previous_starts_at tells where it was. The doctor may not \
                    reschedule (403): they cancel instead. """ + STATUS_RULES)
    AppointmentResponse reschedule(@PathVariable String id, @Valid @RequestBody RescheduleRequest body,
                                   @Parameter(hidden = true) CurrentUser caller) {
        return withHistory(lifecycle.reschedule(caller, parseId(id), body.day(), body.start()));
    }

    static final String STATUS_RULES = """
            Statuses: PENDING → CONFIRMED → COMPLETED | NO_SHOW; PENDING|CONFIRMED → CANCELLED; any other change → \
            409. Someone else's appointment → 404 (no existence leak); a party without this right (e.g. the patient \
            confirming) → 403. Concurrent changes of one appointment: the first wins, the other gets 409 (optimistic \
            lock on the appointment's version, which is also the sequence of its events). Every change publishes its \
            event on booking.appointment.v1 in the same transaction and is recorded in the history. Answers the \
            appointment with its history.""";

    private static AppointmentResponse withHistory(AppointmentWithHistory changed) {
        return AppointmentResponse.of(changed.appointment(), changed.history());
    }

    /** A malformed id names no appointment: 404 like an unknown one (api.md: 404 for an unknown id). */
    private static UUID parseId(String id) {
        return PathIds.parse(id, "Appointment");
    }
}
