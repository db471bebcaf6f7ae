package org.careslot.notification.contact;

import org.careslot.notification.contact.persistence.ContactRepository;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' contact details (e-mail, phone, full name, role, active flag), kept from identity.user.v1: sending the
 * e-mails is this service's business, so it keeps where to send them. Personal data: never logged or published.
 */
@Service
public class Contacts {

    /** The channels this service knows; an event naming another (a later addition) is read without it. */
    public static final List<String> KNOWN_CHANNELS = List.of("EMAIL", "SMS");
    /** What a user without a choice gets (events from before the choice existed, unknown users). */
    public static final List<String> DEFAULT_CHANNELS = List.of("EMAIL");

    private final ContactRepository contacts;
    private final Clock clock;

    public Contacts(ContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public Optional<Contact> find(UUID userId) {
        return contacts.find(userId);
    }

    /**
     * Keeps the user's state of version {@code sequence}. Only newer versions arrive here: the platform's event
     * template drops redelivered and older events in the same transaction.
     */
    @Transactional
    public void userChanged(UserSnapshot user, long sequence) {
        if (user.id() == null || user.email() == null || user.fullName() == null || user.role() == null
                || user.isActive() == null) {
            throw new InvalidEventException("identity event lacks id, email, full_name, role or is_active");
        }
        contacts.upsert(new Contact(user.id(), user.email(), user.phone(), user.fullName(), user.role(),
                user.isActive(), channels(user.notificationChannels())), sequence, clock.instant());
    }

    /** The known channels the user chose; none (an event from before the choice existed): e-mail. */
    static List<String> channels(List<String> chosen) {
        List<String> known = chosen == null ? List.of()
                : chosen.stream().filter(c -> c != null && KNOWN_CHANNELS.contains(c)).distinct().toList();
        return known.isEmpty() ? DEFAULT_CHANNELS : known;
    }
}
