-- How the user wants to hear about appointments (reminders and notices): any of EMAIL and SMS, at least one.
-- Existing and new accounts start with e-mail only; the user changes it with PATCH /api/v1/user/me/.
ALTER TABLE app_user
    ADD COLUMN notification_channels text[] NOT NULL DEFAULT ARRAY['EMAIL']::text[]
        CONSTRAINT app_user_notification_channels_ck
        CHECK (cardinality(notification_channels) >= 1 AND notification_channels <@ ARRAY['EMAIL', 'SMS']::text[]);
