package org.careslot.reporting.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * booking.appointment.v1 as booking-service writes it, for {@link UpstreamEvents#publish}. As a JUnit extension
 * (after {@code @RealInfrastructure}, before {@code @SpringBootTest}) it creates the topic as booking-service declares
 * it before this service's listener subscribes: the broker does not auto-create topics.
 */
public final class AppointmentStream implements BeforeAllCallback {

    public static final UpstreamEvents.Stream BOOKING_APPOINTMENTS = new UpstreamEvents.Stream(
            "booking.appointment.v1", "/booking-service", "urn:careslot:schema:booking.appointment.v1:appointment",
            "booking.appointment.v1/appointment.json", false);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.kafka.bootstrap-servers")))) {
            admin.createTopics(List.of(new NewTopic(BOOKING_APPOINTMENTS.topic(), 3, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The event of booking-service for the appointment's current status (or a reschedule) as version {@code sequence}. */
    public static UpstreamEvents.Sent publish(String type, TestAppointment appointment, long sequence) {
        return UpstreamEvents.publish(BOOKING_APPOINTMENTS, type, appointment.id().toString(), sequence,
                appointment.data());
    }
}
