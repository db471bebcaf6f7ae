package org.careslot.notification.contact;

import org.careslot.notification.contact.persistence.ContactRepository;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' contact details (e-mail, phone, full name, role, active flag), kept from identity.user.v1: sending the
 * e-mails is this service's business, so it keeps where to send them. Personal data: never logged or published.
 */
@Service
public class Contacts {

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
                user.isActive()), sequence, clock.instant());
    }
}
