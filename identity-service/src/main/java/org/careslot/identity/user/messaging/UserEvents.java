package org.careslot.identity.user.messaging;

import org.careslot.identity.user.persistence.UserAccount;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.OutgoingEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The published contract {@code identity.user.v1} (docs/asyncapi.yaml, docs/schemas/identity.user.v1/user.json):
 * the user's full public state, written to the outbox in the caller's transaction. Deliberately without password,
 * token, date of birth, gender or any medical field.
 */
@Component
public class UserEvents {

    public static final String TOPIC = "identity.user.v1";
    public static final String SCHEMA = "urn:careslot:schema:identity.user.v1:user";

    /**
     * {@code data} of every user event.
     *
     * @param notificationChannels EMAIL and/or SMS, as the user chose (added within v1: events published before lack
     *                             it, and consumers read its absence as [EMAIL])
     */
    public record UserData(UUID id, String email, String fullName, String phone, String role, Integer divisionId,
                           Integer districtId, Integer thanaId, boolean isActive, Instant createdAt,
                           Instant updatedAt, List<String> notificationChannels) {

        static UserData of(UserAccount user) {
            return new UserData(user.getId(), user.getEmail(), user.getFullName(), user.getPhone(),
                    user.getRole().name(), user.getDivisionId(), user.getDistrictId(), user.getThanaId(),
                    user.isActive(), user.getCreatedAt(), user.getUpdatedAt(),
                    user.getNotificationChannels());
        }
    }

    private final OutboxPublisher outbox;

    public UserEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void registered(UserAccount user) {
        publish("user.registered", user);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(UserAccount user) {
        publish("user.updated", user);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deactivated(UserAccount user) {
        publish("user.deactivated", user);
    }

    private void publish(String type, UserAccount user) {
        outbox.publish(new OutgoingEvent(TOPIC, user.getId().toString(), type, user.getVersion(), SCHEMA,
                UserData.of(user)));
    }
}
