-- booking-service: local copies of doctors and users (from events only) and the appointments this service owns.

-- gist operator classes for plain scalar columns (uuid '=' beside a range '&&' in one exclusion constraint)
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- ---------------------------------------------------------------------------------------------------------------
-- Doctors as doctor-service publishes them on doctor.profile.v1 (event-carried state transfer): the latest applied
-- state of each doctor, replaced as a whole by every newer event. 'sequence' is the sequence of the event applied
-- last; an event whose sequence is not greater is dropped (redelivery, reordering).
CREATE TABLE doctor (
    id               uuid          PRIMARY KEY,
    full_name        text,
    consultation_fee numeric(12, 2) NOT NULL CHECK (consultation_fee > 0),
    time_zone        text          NOT NULL,
    is_active        boolean       NOT NULL,
    sequence         bigint        NOT NULL,
    updated_at       timestamptz   NOT NULL DEFAULT now()
);

-- the doctor's weekly schedule: bookable starts are start_time + k * slot_minutes while start + slot_minutes <= end
CREATE TABLE doctor_time_slot (
    doctor_id    uuid     NOT NULL REFERENCES doctor (id) ON DELETE CASCADE,
    id           uuid     NOT NULL,
    weekday      smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- ISO-8601: 1 = Monday
    start_time   time     NOT NULL,
    end_time     time     NOT NULL,
    slot_minutes int      NOT NULL CHECK (slot_minutes > 0),
    PRIMARY KEY (doctor_id, id),
    CHECK (start_time < end_time)
);

-- whole days without availability, both dates inclusive, in the doctor's time zone
CREATE TABLE doctor_time_off (
    doctor_id uuid NOT NULL REFERENCES doctor (id) ON DELETE CASCADE,
    id        uuid NOT NULL,
    date_from date NOT NULL,
    date_to   date NOT NULL,
    PRIMARY KEY (doctor_id, id),
    CHECK (date_from <= date_to)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Users as identity-service publishes them on identity.user.v1: only what booking needs (role and active flag) —
-- no name, e-mail, phone or anything else personal.
CREATE TABLE app_user (
    id         uuid        PRIMARY KEY,
    role       text        NOT NULL,
    is_active  boolean     NOT NULL,
    sequence   bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------------------------
-- Appointments. 'during' is the half-open range [starts_at, ends_at); the two exclusion constraints make double
-- booking impossible by construction, also for concurrent requests: no two ACTIVE (PENDING/CONFIRMED) appointments
-- of one doctor, and none of one patient, overlap in time. A violation is SQLState 23P01 with the constraint's name.
-- notes, symptoms and prescription are medical data: only for the appointment's parties, never in logs;
-- symptoms and prescription never in events either.
CREATE TABLE appointment (
    id                 uuid           PRIMARY KEY,
    doctor_id          uuid           NOT NULL REFERENCES doctor (id),
    patient_id         uuid           NOT NULL,
    appointment_date   date           NOT NULL,    -- local date in time_zone
    start_time         time           NOT NULL,    -- local start in time_zone
    end_time           time           NOT NULL,    -- local time of ends_at in time_zone
    time_zone          text           NOT NULL,    -- the doctor's zone at booking time
    starts_at          timestamptz    NOT NULL,
    ends_at            timestamptz    NOT NULL,
    during             tstzrange      GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
    status             text           NOT NULL
        CHECK (status IN ('PENDING', 'CONFIRMED', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    consultation_fee   numeric(12, 2) NOT NULL CHECK (consultation_fee > 0),   -- the doctor's fee at booking time
    notes              text,
    symptoms           text,
    prescription       text,
    cancel_reason      text,
    previous_starts_at timestamptz,                -- set by a reschedule: where the appointment was before
    version            bigint         NOT NULL,    -- optimistic lock; = 'sequence' of the appointment's events
    booked_by          uuid           NOT NULL,    -- the patient, or the admin who booked for the patient
    created_at         timestamptz    NOT NULL,
    updated_at         timestamptz    NOT NULL,
    CHECK (ends_at > starts_at),
    CONSTRAINT appointment_doctor_overlap_excl
        EXCLUDE USING gist (doctor_id WITH =, during WITH &&) WHERE (status IN ('PENDING', 'CONFIRMED')),
    CONSTRAINT appointment_patient_overlap_excl
        EXCLUDE USING gist (patient_id WITH =, during WITH &&) WHERE (status IN ('PENDING', 'CONFIRMED'))
);

-- lists: own appointments by start, admins' list by start
CREATE INDEX appointment_patient_starts_idx ON appointment (patient_id, starts_at, id);
CREATE INDEX appointment_doctor_starts_idx ON appointment (doctor_id, starts_at, id);
CREATE INDEX appointment_starts_idx ON appointment (starts_at, id);

-- Every change of an appointment's status or time: who (user id and the capacity they acted in), when, from -> to,
-- and the reason given (cancellation reason). One row per version.
CREATE TABLE appointment_history (
    appointment_id uuid        NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
    version        bigint      NOT NULL,
    action         text        NOT NULL
        CHECK (action IN ('BOOK', 'CONFIRM', 'CANCEL', 'RESCHEDULE', 'COMPLETE', 'NO_SHOW')),
    from_status    text,                            -- null for the booking itself
    to_status      text        NOT NULL,
    starts_at      timestamptz NOT NULL,            -- the appointment's start after the change
    changed_by     uuid        NOT NULL,
    changed_by_role text       NOT NULL CHECK (changed_by_role IN ('PATIENT', 'DOCTOR', 'ADMIN')),
    reason         text,
    changed_at     timestamptz NOT NULL,
    PRIMARY KEY (appointment_id, version)
);

-- Idempotency-Key of POST /api/v1/appointments/: one row per (caller, key), claimed first thing in the transaction
-- that creates the appointment and completed with the exact first response before it commits (so a committed row
-- always has its response). A concurrent duplicate blocks on the primary key until the first transaction ends, then
-- sees the committed row (or, if that one rolled back, claims the key itself). Kept for a retention period only.
CREATE TABLE idempotency_key (
    caller_id       uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    response_status int,
    response_body   text,
    appointment_id  uuid,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (caller_id, idempotency_key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
