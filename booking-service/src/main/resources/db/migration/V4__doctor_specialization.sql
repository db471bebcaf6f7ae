-- The doctor's speciality as doctor.profile.v1 carries it (its enum name, e.g. CARDIOLOGY): the FHIR PractitionerRole
-- shows it. Null for doctors stored before this column, until their next event.
ALTER TABLE doctor ADD COLUMN specialization text;
