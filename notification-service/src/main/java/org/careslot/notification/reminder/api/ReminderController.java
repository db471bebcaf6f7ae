package org.careslot.notification.reminder.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.notification.reminder.ReminderQueries;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.request.CanonicalUuid;
import org.careslot.platform.web.request.WireFormats;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reminders")
class ReminderController {

    private final ReminderQueries queries;

    ReminderController(ReminderQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/reminders")
    @Operation(summary = "The reminders and notices of one appointment (its patient, its doctor, ADMIN)",
            description = """
                    Every message of the appointment, oldest due first: the reminders (kind REMINDER, to the patient, \
                    lead time before the start; sent at once when booked later than that) and the notices of its \
                    changes (BOOKED and CANCELLED to patient and doctor, CONFIRMED and RESCHEDULED to the patient). \
                    status SCHEDULED → SENT, or FAILED after the last retry (failure_reason says why), or CANCELLED \
                    (the appointment was cancelled, moved, completed or marked no-show before the reminder was due). \
                    The waitlist's notices about a slot this appointment freed (kind WAITLIST_SLOT_FREED) went to \
                    another patient and are not listed here; they appear on notification.reminder.v1. \
                    appointment_id is required (400 when missing or not a UUID). An appointment this service does \
                    not know (yet: it learns appointments from events) or that is neither the caller's as patient \
                    or doctor → 404, for admins only the former. Paginated with page and page_size.""")
    PageResponse<ReminderResponse> list(
            // a failed constraint is named by the Java parameter's snake_case form: keep it equal to the query name
            @RequestParam(name = "appointment_id") @CanonicalUuid String appointmentId,
            @RequestParam(required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize,
            @Parameter(hidden = true) CurrentUser caller) {
        PageQuery query = PageQuery.of(page, pageSize);
        ReminderQueries.Page found = queries.list(caller, WireFormats.uuid(appointmentId).orElseThrow(), query);
        return PageResponse.of(found.reminders().stream().map(ReminderResponse::of).toList(), found.count(), query);
    }
}
