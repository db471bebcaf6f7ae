-- reporting-service: a read model folded from booking.appointment.v1 and doctor.profile.v1, plus the month close.

-- ---------------------------------------------------------------------------------------------------------------
-- Doctors as doctor-service publishes them on doctor.profile.v1: known doctors answer zeros for a month without
-- appointments, unknown ones 404. A doctor first seen through an appointment gets a row without a sequence (no
-- profile yet); a profile event then fills it. 'sequence' = the doctor event applied last.
CREATE TABLE doctor (
    id               uuid           PRIMARY KEY,
    full_name        text,
    time_zone        text           NOT NULL,
    consultation_fee numeric(12, 2),
    is_active        boolean        NOT NULL DEFAULT true,
    sequence         bigint,
    updated_at       timestamptz    NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------------------------
-- The last seen state of every appointment (only what reports need). 'month' is the first day of the month of
-- starts_at in the appointment's time_zone (the doctor's zone it was booked in). An event whose sequence is not
-- greater than 'sequence' is dropped, so replaying the topic in any order leaves the same rows.
CREATE TABLE appointment (
    id               uuid           PRIMARY KEY,
    doctor_id        uuid           NOT NULL,
    patient_id       uuid           NOT NULL,
    starts_at        timestamptz    NOT NULL,
    time_zone        text           NOT NULL,
    month            date           NOT NULL CHECK (extract(day FROM month) = 1),
    status           text           NOT NULL
        CHECK (status IN ('PENDING', 'CONFIRMED', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    consultation_fee numeric(12, 2) NOT NULL,
    sequence         bigint         NOT NULL,
    event_time       timestamptz    NOT NULL,
    updated_at       timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX appointment_doctor_month ON appointment (doctor_id, month);
CREATE INDEX appointment_month ON appointment (month);

-- ---------------------------------------------------------------------------------------------------------------
-- One row per doctor and month with appointments (or closed for a known doctor), recomputed from 'appointment' in
-- the transaction of every change that touches it: the numbers are a function of the appointment rows, never
-- incremented, so duplicates and reordering cannot skew them. 'version' = the sequence of the last
-- monthly_report.generated published for the row (0: never published).
CREATE TABLE monthly_report (
    doctor_id          uuid           NOT NULL,
    month              date           NOT NULL CHECK (extract(day FROM month) = 1),
    total_appointments integer        NOT NULL DEFAULT 0,
    pending            integer        NOT NULL DEFAULT 0,
    confirmed          integer        NOT NULL DEFAULT 0,
    completed          integer        NOT NULL DEFAULT 0,
    cancelled          integer        NOT NULL DEFAULT 0,
    no_show            integer        NOT NULL DEFAULT 0,
    unique_patients    integer        NOT NULL DEFAULT 0,
    earnings           numeric(14, 2) NOT NULL DEFAULT 0,
    final              boolean        NOT NULL DEFAULT false,
    generated_at       timestamptz,
    version            bigint         NOT NULL DEFAULT 0,
    updated_at         timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (doctor_id, month)
);
CREATE INDEX monthly_report_month ON monthly_report (month, doctor_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Closed months. The scheduled close inserts the month's row with ON CONFLICT DO NOTHING: of several instances
-- running the job at the same moment exactly one inserts it (the others wait on the key, then see it) and that one
-- alone marks the reports final and publishes them. 'runs' counts the admin's re-runs as well.
CREATE TABLE month_close (
    month     date        PRIMARY KEY CHECK (extract(day FROM month) = 1),
    closed_at timestamptz NOT NULL,
    runs      integer     NOT NULL DEFAULT 1
);
