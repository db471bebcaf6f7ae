-- Waitlist: a patient waits for a freed slot with a doctor on a date (the doctor's local date). The doctor id is the
-- doctor's user id (identity.user.v1), so "is this a doctor" is answered from the contact copy; no call elsewhere.
--
-- 'queue_position' orders the queue of one doctor and date (first come, first served) strictly, also between
-- entries created in the same microsecond. An entry is WAITING until it is told about a freed slot (NOTIFIED: it
-- leaves the queue, and the patient may join again), or until the patient books with that doctor on that date
-- (FULFILLED). A WAITING entry whose date has passed is shown as EXPIRED (computed when read; nothing changes it).
-- Leaving deletes the row.
CREATE TABLE waitlist_entry (
    id                   uuid        PRIMARY KEY,
    queue_position       bigint      GENERATED ALWAYS AS IDENTITY,
    patient_id           uuid        NOT NULL,
    doctor_id            uuid        NOT NULL,
    date                 date        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('WAITING', 'NOTIFIED', 'FULFILLED')),
    created_at           timestamptz NOT NULL,
    notified_at          timestamptz,
    -- the freed slot it was told about: the appointment and the version of it whose event freed the slot
    freed_appointment_id uuid,
    freed_sequence       bigint,
    updated_at           timestamptz NOT NULL,
    CONSTRAINT waitlist_entry_notified_ck CHECK ((status = 'NOTIFIED') = (freed_appointment_id IS NOT NULL)
                                                 AND (freed_appointment_id IS NULL) = (freed_sequence IS NULL)),
    -- one freed slot is offered to one entry (the queue's head), never to two
    CONSTRAINT waitlist_entry_freed_slot_uq UNIQUE (freed_appointment_id, freed_sequence)
);
-- the duplicate rule (409): one active entry per patient, doctor and date; the database decides, also for two
-- concurrent joins
CREATE UNIQUE INDEX waitlist_entry_waiting_uq ON waitlist_entry (patient_id, doctor_id, date) WHERE status = 'WAITING';
-- the queue of a freed slot
CREATE INDEX waitlist_entry_queue_idx ON waitlist_entry (doctor_id, date, queue_position) WHERE status = 'WAITING';
-- a patient's own list
CREATE INDEX waitlist_entry_patient_idx ON waitlist_entry (patient_id, created_at);

-- The waitlist's notice is one more message kind of the reminder table (the scheduler and delivery history of every
-- message): it is sent, retried, recorded and published (notification.reminder.v1) like the other notices, on the
-- channels the waiting patient chose. Its row points at the appointment that freed the slot (appointment_id, the FK
-- holds) and its version (origin_sequence); the recipient is the waiting patient, not a party of that appointment.
-- reminder_origin_uq (appointment, version, kind, role, lead time, channel) already allows exactly one such row per
-- freed slot and channel, which is the rule: one entry per freed slot. starts_at is the freed slot's start.
ALTER TABLE reminder DROP CONSTRAINT reminder_kind_check;
ALTER TABLE reminder ADD CONSTRAINT reminder_kind_check
    CHECK (kind IN ('REMINDER', 'BOOKED', 'CONFIRMED', 'RESCHEDULED', 'CANCELLED', 'WAITLIST_SLOT_FREED'));
