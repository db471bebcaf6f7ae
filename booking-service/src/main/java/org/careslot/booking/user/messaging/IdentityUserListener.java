package org.careslot.booking.user.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.user.KnownUsers;
import org.careslot.booking.user.KnownUsers.UserSnapshot;
import org.careslot.platform.messaging.consume.IncomingEvent;
import org.careslot.platform.messaging.consume.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes identity.user.v1 (user.registered, user.updated, user.deactivated: each carries the user's full state)
 * into the local copy of the users. Idempotent: the event id is recorded and stale sequences are dropped, in one
 * transaction with the change.
 */
@Component
public class IdentityUserListener {

    public static final String TOPIC = "identity.user.v1";
    private static final Logger log = LoggerFactory.getLogger(IdentityUserListener.class);

    private final ProcessedEvents processedEvents;
    private final KnownUsers users;

    public IdentityUserListener(ProcessedEvents processedEvents, KnownUsers users) {
        this.processedEvents = processedEvents;
        this.users = users;
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
        boolean applied = users.apply(user, event.sequence());
        log.debug("Identity event {} ({} of user {}, sequence {}): {}", event.id(), event.type(), user.id(),
                event.sequence(), applied ? "applied" : "stale");
    }
}
