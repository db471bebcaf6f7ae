package org.careslot.notification.reminder.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.notification.appointment.AppointmentSnapshot;
import org.careslot.notification.reminder.Reminders;
import org.careslot.notification.reminder.domain.AppointmentChange;
import org.careslot.platform.messaging.consume.EventConsumers;
import org.careslot.platform.messaging.consume.EventHandlers;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes booking.appointment.v1 (every appointment.* type: each carries the appointment's full state) into the
 * appointment copy and its messages; the platform's template skips redelivered and older events.
 */
@Component
public class AppointmentEventListener {

    public static final String TOPIC = "booking.appointment.v1";

    private final EventHandlers handlers;

    public AppointmentEventListener(EventConsumers consumers, Reminders reminders) {
        EventHandlers.Builder builder = consumers.handlers();
        for (AppointmentChange change : AppointmentChange.values()) {
            builder.on(change.eventType(), AppointmentSnapshot.class,
                    (appointment, event) -> reminders.appointmentChanged(change, appointment, event.sequence()));
        }
        this.handlers = builder.build();
    }

    @KafkaListener(topics = TOPIC)
    public void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
