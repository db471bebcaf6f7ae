package org.careslot.reporting.report.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.messaging.consume.EventConsumers;
import org.careslot.platform.messaging.consume.EventHandler;
import org.careslot.platform.messaging.consume.EventHandlers;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.careslot.reporting.appointment.AppointmentSnapshot;
import org.careslot.reporting.report.MonthlyReports;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Consumes booking.appointment.v1 into the monthly reports. Every type carries the appointment's whole state, so all
 * six fold the same way; the platform's template skips redelivered and older events, and data that breaks the
 * contract (e.g. a time zone that is none) is dead-lettered instead of retried.
 */
@Component
public class AppointmentEventsListener {

    public static final String TOPIC = "booking.appointment.v1";
    static final List<String> TYPES = List.of("appointment.booked", "appointment.confirmed", "appointment.cancelled",
            "appointment.rescheduled", "appointment.completed", "appointment.no_show");

    private final EventHandlers handlers;

    public AppointmentEventsListener(EventConsumers consumers, MonthlyReports reports) {
        EventHandler<AppointmentSnapshot> fold = (appointment, event) -> {
            try {
                reports.appointmentChanged(appointment, event.sequence(), event.envelope().time());
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("event " + event.id() + ": " + e.getMessage(), e);
            }
        };
        EventHandlers.Builder builder = consumers.handlers();
        TYPES.forEach(type -> builder.on(type, AppointmentSnapshot.class, fold));
        this.handlers = builder.build();
    }

    @KafkaListener(topics = TOPIC)
    public void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
