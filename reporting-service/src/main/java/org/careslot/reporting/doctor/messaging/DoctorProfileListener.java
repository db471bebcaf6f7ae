package org.careslot.reporting.doctor.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.messaging.consume.EventConsumers;
import org.careslot.platform.messaging.consume.EventHandlers;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.careslot.reporting.doctor.DoctorSnapshot;
import org.careslot.reporting.doctor.Doctors;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes doctor.profile.v1 ({@code doctor.profile.updated}) into the known doctors; the platform's template skips
 * redelivered and older events.
 */
@Component
public class DoctorProfileListener {

    public static final String TOPIC = "doctor.profile.v1";

    private final EventHandlers handlers;

    public DoctorProfileListener(EventConsumers consumers, Doctors doctors) {
        this.handlers = consumers.handlers()
                .on("doctor.profile.updated", DoctorSnapshot.class, (doctor, event) -> {
                    try {
                        doctors.profileChanged(doctor, event.sequence());
                    } catch (IllegalArgumentException e) {
                        throw new InvalidEventException("event " + event.id() + ": " + e.getMessage(), e);
                    }
                })
                .build();
    }

    @KafkaListener(topics = TOPIC)
    public void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
