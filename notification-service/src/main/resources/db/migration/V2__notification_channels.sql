-- SMS beside e-mail. Each user chooses channels in the profile (identity.user.v1 'notification_channels'); contacts
-- known from before the choice existed, and events without the member, mean e-mail only.
ALTER TABLE contact
    ADD COLUMN notification_channels text[] NOT NULL DEFAULT ARRAY['EMAIL']::text[];

-- One row per message AND channel: the e-mail and the SMS of one message are claimed, retried and recorded apart, so
-- a failing SMS gateway neither holds back nor repeats the e-mail (and the other way round).
ALTER TABLE reminder ADD CONSTRAINT reminder_channel_ck CHECK (channel IN ('EMAIL', 'SMS'));
ALTER TABLE reminder DROP CONSTRAINT reminder_origin_uq;
ALTER TABLE reminder ADD CONSTRAINT reminder_origin_uq UNIQUE NULLS NOT DISTINCT
    (appointment_id, origin_sequence, kind, recipient_role, lead_time, channel);
