-- Notification channels. config holds the kind's plain settings (recipients, PagerDuty URL,
-- Teams card format, template overrides); secrets holds the kind's secrets (webhook URLs with
-- tokens, routing keys, signing secrets) as JSON sealed with the SecretKeyring (AES-256-GCM).
CREATE TABLE notification_channels
(
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('email', 'slack', 'teams', 'webhook', 'pagerduty')),
    send_resolved BOOLEAN     NOT NULL DEFAULT TRUE,
    config        JSONB       NOT NULL,
    secrets       TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX notification_channels_name_idx ON notification_channels (lower(name));
