-- notification-service: local copies of users' contact details and of appointments (both from events; this service
-- never calls another one), and the reminders and notices it delivers.

-- Contact details of every user as identity-service publishes them on identity.user.v1. Keeping them is this
-- service's business (it sends the e-mails), but they are personal data: never logged, never published.
-- 'sequence' is the user's version from the event.
CREATE TABLE contact (
    user_id    uuid        PRIMARY KEY,
    email      text        NOT NULL,
    phone      text,
    full_name  text        NOT NULL,
    role       text        NOT NULL,
    is_active  boolean     NOT NULL,
    sequence   bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Appointments as booking-service publishes them on booking.appointment.v1 (no notes: nothing here needs them).
-- 'sequence' is the appointment's version from the event. 'event_sequence' numbers this service's own events about
-- the appointment (notification.reminder.v1 is keyed by appointment id): bumped under this row's lock, so the events
-- of one appointment carry increasing sequences whatever instance publishes them.
CREATE TABLE appointment (
    id             uuid        PRIMARY KEY,
    doctor_id      uuid        NOT NULL,
    patient_id     uuid        NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    time_zone      text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    sequence       bigint      NOT NULL,
    event_sequence bigint      NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_patient_idx ON appointment (patient_id);
CREATE INDEX appointment_doctor_idx ON appointment (doctor_id);

-- One message to one recipient about one appointment: a REMINDER (due lead_time before starts_at) or a notice of a
-- change (BOOKED, CONFIRMED, RESCHEDULED, CANCELLED; due when the change arrived). The table is the scheduler: a
-- poller claims due SCHEDULED rows with FOR UPDATE SKIP LOCKED, marks them SENDING (attempts + 1, lease_until) in the
-- same transaction, sends, then records SENT, a retry (SCHEDULED again at next_attempt_at) or FAILED.
-- A SENDING row whose lease ran out belongs to an instance that died mid-send: it is claimed again (at-least-once).
CREATE TABLE reminder (
    id              uuid        PRIMARY KEY,
    appointment_id  uuid        NOT NULL REFERENCES appointment (id),
    kind            text        NOT NULL CHECK (kind IN ('REMINDER', 'BOOKED', 'CONFIRMED', 'RESCHEDULED', 'CANCELLED')),
    recipient_id    uuid        NOT NULL,
    recipient_role  text        NOT NULL CHECK (recipient_role IN ('PATIENT', 'DOCTOR')),
    channel         text        NOT NULL DEFAULT 'EMAIL',
    lead_time       interval,                     -- REMINDER only
    starts_at       timestamptz NOT NULL,         -- the appointment's start this message is about
    origin_sequence bigint      NOT NULL,         -- the appointment version whose event created the row
    due_at          timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('SCHEDULED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,         -- = due_at until a failed attempt pushes it back
    lease_until     timestamptz,                  -- SENDING: until when the claiming instance owns the row
    claimed_by      text,
    sent_at         timestamptz,
    failure_reason  text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- one row per message, even if an event were applied twice
    CONSTRAINT reminder_origin_uq UNIQUE NULLS NOT DISTINCT
        (appointment_id, origin_sequence, kind, recipient_role, lead_time)
);
-- the poller's queries: due scheduled rows, and SENDING rows whose lease ran out
CREATE INDEX reminder_due_idx ON reminder (next_attempt_at) WHERE status = 'SCHEDULED';
CREATE INDEX reminder_lease_idx ON reminder (lease_until) WHERE status = 'SENDING';
CREATE INDEX reminder_appointment_idx ON reminder (appointment_id, due_at);
