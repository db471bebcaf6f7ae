-- doctor-service: doctor profiles, weekly time slots, time off, and the local copy of the doctors' user accounts.
-- Both extensions are "trusted" (PostgreSQL 13+): the database owner may create them without superuser rights.
CREATE EXTENSION IF NOT EXISTS btree_gist;  -- '=' on uuid/smallint inside the slot exclusion constraint
CREATE EXTENSION IF NOT EXISTS pg_trgm;     -- substring search on names

-- The doctors' accounts as identity-service publishes them on identity.user.v1 (this service never calls identity).
-- Only what search and the doctor events need: no e-mail, phone or anything else. Only DOCTOR accounts are stored.
-- 'sequence' is the user's version from the event: older or equal events are dropped.
CREATE TABLE known_user (
    id          uuid        PRIMARY KEY,              -- the Keycloak user id = the doctor id
    full_name   text        NOT NULL,
    role        text        NOT NULL,
    division_id int,
    district_id int,
    thana_id    int,
    is_active   boolean     NOT NULL,
    sequence    bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A doctor's profile: the aggregate root. 'version' is bumped by hand on EVERY change of the doctor (profile, a slot, a
-- time off, the user's name/location/active flag) and is the 'sequence' of doctor.profile.v1. Every change locks this
-- row first (SELECT ... FOR UPDATE), so changes of one doctor are serialised and their events are ordered.
CREATE TABLE doctor_profile (
    id               uuid          PRIMARY KEY,       -- = the user id (JWT sub)
    specialization   text          NOT NULL CHECK (specialization IN (
                         'ANESTHESIOLOGY', 'CARDIOLOGY', 'DENTISTRY', 'DERMATOLOGY', 'ENDOCRINOLOGY', 'ENT',
                         'GASTROENTEROLOGY', 'GENERAL_PRACTICE', 'GENERAL_SURGERY', 'GYNECOLOGY_OBSTETRICS',
                         'HEMATOLOGY', 'MEDICINE', 'NEPHROLOGY', 'NEUROLOGY', 'NEUROSURGERY', 'ONCOLOGY',
                         'OPHTHALMOLOGY', 'ORTHOPEDICS', 'PEDIATRICS', 'PHYSICAL_MEDICINE', 'PSYCHIATRY',
                         'PULMONOLOGY', 'RADIOLOGY', 'RHEUMATOLOGY', 'UROLOGY')),
    license_number   text          NOT NULL,
    experience_years int           NOT NULL CHECK (experience_years BETWEEN 0 AND 70),
    consultation_fee numeric(12, 2) NOT NULL CHECK (consultation_fee > 0),   -- BDT
    qualification    text          NOT NULL,
    bio              text,
    time_zone        text          NOT NULL DEFAULT 'Asia/Dhaka',
    version          bigint        NOT NULL DEFAULT 1,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now()
);
-- one profile per license, case-insensitively; also under concurrent requests (-> 409)
CREATE UNIQUE INDEX doctor_profile_license_uq ON doctor_profile (lower(license_number));

-- Weekly availability: on 'weekday' (ISO 1 = Monday .. 7 = Sunday) from start_minute to end_minute (minutes from
-- midnight in the doctor's time zone, end exclusive), cut into appointments of slot_minutes.
CREATE TABLE time_slot (
    id           uuid        PRIMARY KEY,
    doctor_id    uuid        NOT NULL REFERENCES doctor_profile (id) ON DELETE CASCADE,
    weekday      smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute int         NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   int         NOT NULL CHECK (end_minute BETWEEN 1 AND 1439),
    slot_minutes int         NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT time_slot_window_ck CHECK (start_minute < end_minute
                                          AND (end_minute - start_minute) % slot_minutes = 0),
    -- Slots of one doctor on one weekday never overlap, whatever the concurrency: [start, end) ranges, so 09:00-10:00
    -- and 10:00-11:00 may coexist. A violation is SQLState 23P01 (-> 409). Its GiST index also serves lookups by
    -- (doctor_id, weekday).
    CONSTRAINT time_slot_no_overlap EXCLUDE USING gist (
        doctor_id WITH =, weekday WITH =, int4range(start_minute, end_minute) WITH &&)
);
-- search "available_on": doctors with a slot on a weekday
CREATE INDEX time_slot_weekday_doctor_idx ON time_slot (weekday, doctor_id);

-- Blocked whole days date_from..date_to (inclusive) in the doctor's time zone.
CREATE TABLE time_off (
    id         uuid        PRIMARY KEY,
    doctor_id  uuid        NOT NULL REFERENCES doctor_profile (id) ON DELETE CASCADE,
    date_from  date        NOT NULL,
    date_to    date        NOT NULL,
    reason     text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT time_off_dates_ck CHECK (date_from <= date_to)
);
CREATE INDEX time_off_doctor_idx ON time_off (doctor_id, date_from, date_to);

-- Search (GET /api/v1/doctors/): only active DOCTOR accounts with a profile are listed, so the indexes on known_user
-- are partial with exactly that predicate (the search query repeats it).
CREATE INDEX known_user_name_idx ON known_user (lower(full_name), id) WHERE is_active AND role = 'DOCTOR';
-- fastupdate off: an entry goes into the index at once instead of a pending list that only (auto)vacuum merges; while
-- that list is long the planner avoids the index. Accounts change rarely, so the slower insert does not matter.
CREATE INDEX known_user_name_trgm_idx ON known_user USING gin (full_name gin_trgm_ops) WITH (fastupdate = off)
    WHERE is_active AND role = 'DOCTOR';
CREATE INDEX known_user_division_idx ON known_user (division_id) WHERE is_active AND role = 'DOCTOR';
CREATE INDEX known_user_district_idx ON known_user (district_id) WHERE is_active AND role = 'DOCTOR';
CREATE INDEX known_user_thana_idx ON known_user (thana_id) WHERE is_active AND role = 'DOCTOR';
CREATE INDEX doctor_profile_specialization_fee_idx ON doctor_profile (specialization, consultation_fee);
CREATE INDEX doctor_profile_fee_idx ON doctor_profile (consultation_fee, id);
CREATE INDEX doctor_profile_experience_idx ON doctor_profile (experience_years, id);
