package org.careslot.booking.user.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.user.KnownUsers;
import org.careslot.booking.user.KnownUsers.UserSnapshot;
import org.careslot.platform.messaging.consume.EventConsumers;
import org.careslot.platform.messaging.consume.EventHandlers;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes identity.user.v1 (user.registered, user.updated, user.deactivated: each carries the user's full state)
 * into the local copy of the users; the platform's template skips redelivered and older events.
 */
@Component
public class IdentityUserListener {

    public static final String TOPIC = "identity.user.v1";

    private final EventHandlers handlers;

    public IdentityUserListener(EventConsumers consumers, KnownUsers users) {
        this.handlers = consumers.handlers()
                .on("user.registered", UserSnapshot.class, (user, event) -> users.apply(user, event.sequence()))
                .on("user.updated", UserSnapshot.class, (user, event) -> users.apply(user, event.sequence()))
                .on("user.deactivated", UserSnapshot.class, (user, event) -> users.apply(user, event.sequence()))
                .build();
    }

    @KafkaListener(topics = TOPIC)
    public void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
