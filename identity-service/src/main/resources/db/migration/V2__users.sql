-- Local profile of every platform user. The id is the Keycloak user id (the JWT 'sub'); Keycloak owns the
-- credentials, this table never holds a password or token.
CREATE TABLE app_user (
    id                uuid        PRIMARY KEY,
    email             text        NOT NULL,
    full_name         text        NOT NULL,
    phone             text,                             -- NULL only for accounts seeded in Keycloak (the default admin)
    role              text        NOT NULL CHECK (role IN ('ADMIN', 'DOCTOR', 'PATIENT')),
    -- required by registration; NULL only for accounts seeded in Keycloak
    division_id       int         REFERENCES division (id),
    district_id       int         REFERENCES district (id),
    thana_id          int         REFERENCES thana (id),
    date_of_birth     date,
    gender            text        CHECK (gender IN ('MALE', 'FEMALE', 'OTHER')),
    -- a patient's medical profile: only for the patient, their doctors and admins; never in events or logs
    blood_group       text        CHECK (blood_group IN ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-')),
    emergency_contact text,
    medical_history   text,
    is_active         boolean     NOT NULL DEFAULT true,
    version           bigint      NOT NULL DEFAULT 1,   -- = 'sequence' of the user's events
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Duplicates are refused by the database, also under concurrent registrations (the pre-check only gives a
-- friendlier early answer). E-mail is case-insensitive.
CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email));
CREATE UNIQUE INDEX app_user_phone_uq ON app_user (phone);

-- admin list: filter by role / is_active, search by name or e-mail, newest first
CREATE INDEX app_user_role_idx ON app_user (role, is_active);
CREATE INDEX app_user_created_idx ON app_user (created_at DESC, id);

-- Keycloak users whose registration failed after Keycloak had created them, and whose removal failed too
-- (Keycloak unreachable at that moment): a scheduled job keeps trying, so no orphaned account stays behind.
CREATE TABLE keycloak_orphan (
    user_id    uuid        PRIMARY KEY,
    attempts   int         NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);
