-- Idempotency-Key responses are stored by the platform's Idempotent helper (org.careslot.platform.web.idempotency),
-- which knows responses, not appointments: it keeps the first response's Location instead of the appointment's id.
ALTER TABLE idempotency_key ADD COLUMN response_location text;
UPDATE idempotency_key SET response_location = '/api/v1/appointments/' || appointment_id || '/'
    WHERE appointment_id IS NOT NULL;
ALTER TABLE idempotency_key DROP COLUMN appointment_id;
