package org.careslot.doctor.profile.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.doctor.profile.DoctorProfiles;
import org.careslot.doctor.user.KnownUsers;
import org.careslot.doctor.user.KnownUsers.UserSnapshot;
import org.careslot.platform.messaging.consume.EventConsumers;
import org.careslot.platform.messaging.consume.EventHandlers;
import org.careslot.platform.messaging.consume.IncomingEvent;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes identity.user.v1 (user.registered, user.updated, user.deactivated all carry the user's full state) into the
 * local copy of the doctors' accounts; the platform's template skips redelivered and older events. When a doctor's
 * name, location or active flag changed, the doctor gets a new version and a {@code doctor.profile.updated} in the
 * same transaction.
 */
@Component
public class IdentityUserListener {

    public static final String TOPIC = "identity.user.v1";

    private final KnownUsers users;
    private final DoctorProfiles doctors;
    private final EventHandlers handlers;

    public IdentityUserListener(EventConsumers consumers, KnownUsers users, DoctorProfiles doctors) {
        this.users = users;
        this.doctors = doctors;
        this.handlers = consumers.handlers()
                .on("user.registered", UserSnapshot.class, this::apply)
                .on("user.updated", UserSnapshot.class, this::apply)
                .on("user.deactivated", UserSnapshot.class, this::apply)
                .build();
    }

    @KafkaListener(topics = TOPIC)
    public void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }

    private void apply(UserSnapshot user, IncomingEvent event) {
        if (user.id() == null || user.fullName() == null || user.role() == null) {
            throw new InvalidEventException("identity event " + event.id() + " lacks id, full_name or role");
        }
        if (users.apply(user, event.sequence()) == KnownUsers.Outcome.CHANGED) {
            doctors.accountChanged(user.id());
        }
    }
}
