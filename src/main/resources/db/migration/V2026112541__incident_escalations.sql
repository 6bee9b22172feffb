-- The escalation of an incident: a copy of its policy taken when it opened (later edits to the
-- policy do not change pages in flight), the owner team whose roles the steps name, and where it
-- stands: the step in force, the round (0 for the first pass, then each repeat), when that step
-- times out, and when and why escalation stopped (acknowledged, resolved, exhausted).
CREATE TABLE incident_escalations
(
    incident_id     UUID PRIMARY KEY REFERENCES incident_incidents (id) ON DELETE CASCADE,
    policy          JSONB       NOT NULL,
    team_id         UUID,
    step            INTEGER     NOT NULL,
    round           INTEGER     NOT NULL,
    step_started_at TIMESTAMPTZ NOT NULL,
    step_due_at     TIMESTAMPTZ,
    stopped_at      TIMESTAMPTZ,
    stopped_reason  TEXT
);

-- Every page: one person, one contact method, at one step of one round. delivery_key is the
-- outbox's idempotency key, so a page decided twice (a timer that fires again after a crash)
-- is sent once. Off-hours pages and pages per person come from here.
CREATE TABLE incident_pages
(
    delivery_key TEXT PRIMARY KEY,
    incident_id  UUID        NOT NULL REFERENCES incident_incidents (id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL,
    round        INTEGER     NOT NULL,
    step         INTEGER     NOT NULL,
    kind         TEXT        NOT NULL,
    address      TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    paged_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_pages_user_idx ON incident_pages (user_id, paged_at DESC);
CREATE INDEX incident_pages_incident_idx ON incident_pages (incident_id, paged_at);

-- Alert groups whose receiver opens incidents, and the incident each feeds. last_sequence is the
-- group's last notice taken in, so a notice delivered twice changes nothing twice.
CREATE TABLE incident_alert_groups
(
    group_key     TEXT        NOT NULL,
    incident_id   UUID        NOT NULL REFERENCES incident_incidents (id) ON DELETE CASCADE,
    last_sequence BIGINT      NOT NULL,
    attached_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_key, incident_id)
);
CREATE INDEX incident_alert_groups_incident_idx ON incident_alert_groups (incident_id);

-- The alerts attached to an incident and their last known state.
CREATE TABLE incident_alerts
(
    incident_id UUID        NOT NULL REFERENCES incident_incidents (id) ON DELETE CASCADE,
    fingerprint TEXT        NOT NULL,
    alertname   TEXT        NOT NULL,
    labels      JSONB       NOT NULL,
    summary     TEXT,
    runbook_url TEXT,
    status      TEXT        NOT NULL CHECK (status IN ('firing', 'resolved')),
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (incident_id, fingerprint)
);
