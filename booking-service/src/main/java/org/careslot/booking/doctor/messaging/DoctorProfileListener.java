package org.careslot.booking.doctor.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.doctor.DoctorDirectory.DoctorSnapshot;
import org.careslot.platform.messaging.consume.IncomingEvent;
import org.careslot.platform.messaging.consume.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes doctor.profile.v1 ({@code doctor.profile.updated}: the doctor's whole state) into the local copy of the
 * doctors. Idempotent twice over, in one transaction with the change: the event id is recorded (a redelivered event
 * is skipped) and an event whose {@code sequence} is not newer than the stored one is dropped (reordering).
 */
@Component
public class DoctorProfileListener {

    public static final String TOPIC = "doctor.profile.v1";
    static final String TYPE = "doctor.profile.updated";
    private static final Logger log = LoggerFactory.getLogger(DoctorProfileListener.class);

    private final ProcessedEvents processedEvents;
    private final DoctorDirectory doctors;

    public DoctorProfileListener(ProcessedEvents processedEvents, DoctorDirectory doctors) {
        this.processedEvents = processedEvents;
        this.doctors = doctors;
    }

    @KafkaListener(topics = TOPIC)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!processedEvents.markProcessed(event)) {
            log.debug("Skipping redelivered event {} of doctor {}", event.id(), event.key());
            return;
        }
        if (!TYPE.equals(event.type())) {
            log.debug("Ignoring event {} of unknown type {} on {}", event.id(), event.type(), TOPIC);
            return;
        }
        DoctorSnapshot doctor = event.dataAs(DoctorSnapshot.class);
        DoctorDirectory.Outcome outcome = doctors.apply(doctor, event.sequence());
        log.debug("Doctor event {} (doctor {}, sequence {}): {}", event.id(), doctor.id(), event.sequence(), outcome);
    }
}
