package org.careslot.booking.calendar.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One appointment as a feed shows it: when, its status and version, and whether the feed's owner is its patient or
 * its doctor. Deliberately nothing else: a feed URL is a bearer secret that ends up in calendar apps, so no notes,
 * symptoms, prescription, fee or names.
 */
public record FeedEvent(UUID appointmentId, Instant startsAt, Instant endsAt, Status status, long sequence,
                        Instant lastModified, boolean ownerIsPatient) {

    /** RFC 5545 STATUS values of a VEVENT. */
    public enum Status { TENTATIVE, CONFIRMED, CANCELLED }

    public FeedEvent {
        Objects.requireNonNull(appointmentId);
        Objects.requireNonNull(startsAt);
        Objects.requireNonNull(endsAt);
        Objects.requireNonNull(status);
        Objects.requireNonNull(lastModified);
    }

    /**
     * The appointment statuses of booking in a calendar: PENDING is TENTATIVE; CONFIRMED, and COMPLETED and NO_SHOW
     * (the time was kept for the appointment; a calendar should still show it happened), are CONFIRMED; CANCELLED is
     * CANCELLED, so that apps remove it.
     */
    public static Status statusOf(String appointmentStatus) {
        return switch (appointmentStatus) {
            case "PENDING" -> Status.TENTATIVE;
            case "CONFIRMED", "COMPLETED", "NO_SHOW" -> Status.CONFIRMED;
            case "CANCELLED" -> Status.CANCELLED;
            default -> throw new IllegalArgumentException("unknown appointment status " + appointmentStatus);
        };
    }

    /** The owner's view, without medical data: the other party's role only. */
    public String summary() {
        return ownerIsPatient ? "CareSlot appointment with your doctor" : "CareSlot appointment with a patient";
    }
}
