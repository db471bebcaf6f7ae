package org.careslot.booking.appointment.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import org.careslot.booking.appointment.BookingRequest;
import org.careslot.booking.appointment.BookingService;
import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.platform.web.idempotency.Idempotent;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The demo-data seed path: books an appointment whose start may lie in the past, which the public API refuses, so that
 * demo data can hold completed appointments and last month's reports have numbers. It goes through the same
 * {@link BookingService}, outbox and {@code appointment.booked} event as a booking; the seeder then drives the
 * appointment with the public endpoints (confirm, complete, no-show).
 *
 * <p>Exists only when {@code careslot.booking.demo-backdating.enabled} (BOOKING_DEMO_BACKDATING_ENABLED) is true,
 * which only the local stack sets; ADMIN only; under {@code /internal/}, which the gateway does not route, so only a
 * caller of this service's own port reaches it; not in the OpenAPI document.
 */
@RestController
@Hidden
@ConditionalOnBooleanProperty(name = "careslot.booking.demo-backdating.enabled")
class DemoBackdatingController {

    static final String PATH = "/internal/demo/appointments";

    private final BookingService booking;
    private final Idempotent idempotent;

    DemoBackdatingController(BookingService booking, Idempotent idempotent) {
        this.booking = booking;
        this.idempotent = idempotent;
    }

    /** The book body of api.md with patient_id required; answers as a booking does (201, the appointment). */
    @PostMapping(PATH)
    ResponseEntity<String> bookInThePast(@Valid @RequestBody BookingRequest body,
                                         @RequestHeader(name = Idempotent.KEY_HEADER, required = false)
                                         String idempotencyKey,
                                         CurrentUser caller) {
        return idempotent.respond(caller.id(), idempotencyKey, body, () -> {
            Appointment booked = booking.bookInThePast(caller, body);
            return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.id() + "/"))
                    .body(AppointmentResponse.of(booked));
        });
    }
}
