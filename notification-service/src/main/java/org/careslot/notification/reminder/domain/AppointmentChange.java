package org.careslot.notification.reminder.domain;

import java.util.Optional;

/** The changes booking.appointment.v1 announces, by event type. */
public enum AppointmentChange {
    BOOKED("appointment.booked"),
    CONFIRMED("appointment.confirmed"),
    RESCHEDULED("appointment.rescheduled"),
    CANCELLED("appointment.cancelled"),
    COMPLETED("appointment.completed"),
    NO_SHOW("appointment.no_show");

    private final String eventType;

    AppointmentChange(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }

    public static Optional<AppointmentChange> ofEventType(String type) {
        for (AppointmentChange change : values()) {
            if (change.eventType.equals(type)) {
                return Optional.of(change);
            }
        }
        return Optional.empty();
    }
}
