package org.careslot.notification.waitlist.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import org.careslot.platform.web.request.IsoDate;

/** The body of POST /api/v1/doctors/{id}/waitlist/. */
record JoinWaitlistRequest(
        @Schema(description = "the doctor's local date YYYY-MM-DD: today (Asia/Dhaka) up to 90 days ahead",
                example = "2026-12-24")
        @NotBlank @IsoDate String date) {
}
