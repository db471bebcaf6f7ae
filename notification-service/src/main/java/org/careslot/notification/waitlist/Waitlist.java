package org.careslot.notification.waitlist;

import org.careslot.notification.appointment.AppointmentStored;
import org.careslot.notification.contact.Contacts;
import org.careslot.notification.reminder.Reminders;
import org.careslot.notification.waitlist.domain.FreedSlot;
import org.careslot.notification.waitlist.domain.WaitlistEntry;
import org.careslot.notification.waitlist.domain.WaitlistRules;
import org.careslot.notification.waitlist.domain.WaitlistRules.WaitingEntry;
import org.careslot.notification.waitlist.persistence.WaitlistRepository;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Patients' waitlists for a doctor and date, and who is told when an appointment frees a slot. The doctor id is the
 * doctor's user id; whether it names an active doctor is read from the contact copy (identity.user.v1).
 */
@Service
public class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);

    /** One page of a patient's entries. */
    public record Page(List<WaitlistEntry> entries, long count, LocalDate today) {
    }

    private final WaitlistRepository entries;
    private final Contacts contacts;
    private final Reminders reminders;
    private final Clock clock;

    public Waitlist(WaitlistRepository entries, Contacts contacts, Reminders reminders, Clock clock) {
        this.entries = entries;
        this.contacts = contacts;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** Today in the platform's zone: the join rule's and the EXPIRED status's "today". */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WaitlistRules.PLATFORM_ZONE);
    }

    /**
     * Puts the patient on the doctor's waitlist for {@code date}.
     *
     * @throws ResourceNotFoundException when no active doctor has that id
     * @throws ConflictException         when the patient already waits for that doctor and date
     */
    @Transactional
    public WaitlistEntry join(UUID patientId, UUID doctorId, LocalDate date) {
        WaitlistRules.checkDate(date, today()).throwIfAny();
        contacts.find(doctorId).filter(doctor -> doctor.active() && "DOCTOR".equals(doctor.role()))
                .orElseThrow(() -> new ResourceNotFoundException("Doctor"));
        return entries.insertWaiting(UUID.randomUUID(), patientId, doctorId, date, clock.instant())
                .orElseThrow(() -> new ConflictException("You are already on this doctor's waitlist for " + date + "."));
    }

    public Page list(UUID patientId, PageQuery page) {
        return new Page(entries.page(patientId, page.offset(), page.pageSize()), entries.count(patientId), today());
    }

    /** @throws ResourceNotFoundException when the patient has no entry with that id (another's id included) */
    @Transactional
    public void leave(UUID patientId, UUID entryId) {
        if (!entries.delete(entryId, patientId)) {
            throw new ResourceNotFoundException("Waitlist entry");
        }
    }

    /**
     * A stored appointment version that frees a slot tells the head of that day's queue (skipping the patient who
     * freed it); one that takes a slot fulfils the patient's own entry for it. Runs in the consuming transaction: the
     * platform's template applies each event once, and the entry's NOTIFIED mark and the notice row commit with it.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void appointmentStored(AppointmentStored stored) {
        Instant now = clock.instant();
        WaitlistRules.takenSlot(stored.previous(), stored.current())
                .ifPresent(taken -> entries.fulfil(taken.patientId(), taken.doctorId(), taken.date(), now));
        Optional<FreedSlot> freed = WaitlistRules.freedSlot(stored.previous(), stored.current(), stored.sequence(), now);
        if (freed.isEmpty()) {
            return;
        }
        FreedSlot slot = freed.get();
        Optional<WaitingEntry> told = WaitlistRules.whoIsTold(entries.lockQueue(slot.doctorId(), slot.date()), slot);
        if (told.isEmpty()) {
            return;
        }
        WaitingEntry entry = told.get();
        if (entries.markNotified(entry.id(), slot.appointmentId(), slot.sequence(), now)) {
            reminders.scheduleWaitlistNotice(slot.appointmentId(), slot.sequence(), entry.patientId(), slot.startsAt());
            log.info("waitlist entry {} told about the slot freed by appointment {} (version {})", entry.id(),
                    slot.appointmentId(), slot.sequence());
        }
    }
}
