package org.careslot.doctor.profile.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.doctor.profile.DoctorProfiles;
import org.careslot.doctor.user.KnownUsers;
import org.careslot.doctor.user.KnownUsers.Outcome;
import org.careslot.doctor.user.KnownUsers.UserSnapshot;
import org.careslot.platform.messaging.consume.IncomingEvent;
import org.careslot.platform.messaging.consume.ProcessedEvents;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes identity.user.v1 (user.registered, user.updated, user.deactivated all carry the user's full state) into the
 * local copy of the doctors' accounts. Idempotent twice over, in one transaction with the change: the event id is
 * recorded (a redelivered event is skipped) and an event whose {@code sequence} is not newer than the stored one is
 * dropped (reordering). When a doctor's name, location or active flag changed, the doctor gets a new version and a
 * {@code doctor.profile.updated} in the same transaction.
 */
@Component
public class IdentityUserListener {

    public static final String TOPIC = "identity.user.v1";
    private static final Logger log = LoggerFactory.getLogger(IdentityUserListener.class);

    private final ProcessedEvents processedEvents;
    private final KnownUsers users;
    private final DoctorProfiles doctors;

    public IdentityUserListener(ProcessedEvents processedEvents, KnownUsers users, DoctorProfiles doctors) {
        this.processedEvents = processedEvents;
        this.users = users;
        this.doctors = doctors;
    }

    @KafkaListener(topics = TOPIC)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!processedEvents.markProcessed(event)) {
            log.debug("Skipping redelivered event {} of user {}", event.id(), event.key());
            return;
        }
        UserSnapshot user = event.dataAs(UserSnapshot.class);
        if (user.id() == null || user.fullName() == null || user.role() == null) {
            throw new InvalidEventException("identity event " + event.id() + " lacks id, full_name or role");
        }
        Outcome outcome = users.apply(user, event.sequence());
        log.debug("Identity event {} ({} of user {}, sequence {}): {}", event.id(), event.type(), user.id(),
                event.sequence(), outcome);
        if (outcome == Outcome.CHANGED) {
            doctors.accountChanged(user.id());
        }
    }
}
