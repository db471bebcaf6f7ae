package org.careslot.reporting.support;

import org.careslot.platform.testkit.events.UpstreamEvents;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;


/**
 * booking.appointment.v1 as booking-service writes it, for {@link UpstreamEvents#publish}. As a JUnit extension
 * (after {@code @RealInfrastructure}, before {@code @SpringBootTest}) it creates the topic as booking-service declares
 * it before this service's listener subscribes: the broker does not auto-create topics.
 */
public final class AppointmentStream implements BeforeAllCallback {

    public static final UpstreamEvents.Stream BOOKING_APPOINTMENTS = UpstreamEvents.BOOKING_APPOINTMENTS;

    @Override
    public void beforeAll(ExtensionContext context) {
        UpstreamEvents.ensureTopics(BOOKING_APPOINTMENTS);
    }

    /** The event of booking-service for the appointment's current status (or a reschedule) as version {@code sequence}. */
    public static UpstreamEvents.Sent publish(String type, TestAppointment appointment, long sequence) {
        return UpstreamEvents.publish(BOOKING_APPOINTMENTS, type, appointment.id().toString(), sequence,
                appointment.data());
    }
}
