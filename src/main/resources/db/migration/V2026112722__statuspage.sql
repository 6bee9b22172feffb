-- Maintenance occurrences as the status page learned them from maintenance events, and the
-- subscribers of the status page. A subscriber counts once confirmed_at is set (double opt-in);
-- confirmation and unsubscribe links are signed tokens naming the subscriber's id.
CREATE TABLE statuspage_maintenances
(
    window_id   UUID        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    title       TEXT        NOT NULL,
    service_ids UUID[]      NOT NULL DEFAULT '{}',
    status      TEXT        NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled')),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (window_id, starts_at)
);
CREATE INDEX statuspage_maintenances_ends_idx ON statuspage_maintenances (ends_at);

CREATE TABLE statuspage_subscribers
(
    id                 UUID PRIMARY KEY,
    kind               TEXT        NOT NULL CHECK (kind IN ('email', 'webhook')),
    email              TEXT        NOT NULL,
    endpoint           TEXT,
    component_ids      UUID[]      NOT NULL DEFAULT '{}',
    confirmed_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX statuspage_subscribers_email_idx ON statuspage_subscribers (lower(email), kind);
