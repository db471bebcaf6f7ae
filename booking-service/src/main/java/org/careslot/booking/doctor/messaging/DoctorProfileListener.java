package org.careslot.booking.doctor.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.doctor.DoctorDirectory.DoctorSnapshot;
import org.careslot.platform.messaging.consume.EventConsumers;
import org.careslot.platform.messaging.consume.EventHandlers;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes doctor.profile.v1 ({@code doctor.profile.updated}: the doctor's whole state) into the local copy of the
 * doctors; the platform's template skips redelivered and older events.
 */
@Component
public class DoctorProfileListener {

    public static final String TOPIC = "doctor.profile.v1";

    private final EventHandlers handlers;

    public DoctorProfileListener(EventConsumers consumers, DoctorDirectory doctors) {
        this.handlers = consumers.handlers()
                .on("doctor.profile.updated", DoctorSnapshot.class,
                        (doctor, event) -> doctors.apply(doctor, event.sequence()))
                .build();
    }

    @KafkaListener(topics = TOPIC)
    public void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
