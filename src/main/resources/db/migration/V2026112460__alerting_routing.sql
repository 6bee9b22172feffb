-- The routing configuration (receivers, route tree, inhibit rules, time intervals), one row per
-- saved version; the newest is in force. document is the configuration in JSON form (json, not
-- jsonb, to keep the author's field order); source is the text as submitted (YAML keeps comments).
CREATE TABLE alerting_config_versions
(
    version    INTEGER PRIMARY KEY,
    document   JSON        NOT NULL,
    source     TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Aggregation groups (Alertmanager's), durable: one per route and group labels. notified holds
-- the fingerprints the receiver was last told are firing; sequence counts notices and is part of
-- each delivery's idempotency key. The dispatcher claims due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE alerting_groups
(
    group_key     TEXT PRIMARY KEY,
    route_id      TEXT        NOT NULL,
    receiver      TEXT        NOT NULL,
    group_labels  JSONB       NOT NULL,
    next_flush_at TIMESTAMPTZ NOT NULL,
    last_flush_at TIMESTAMPTZ,
    notified_at   TIMESTAMPTZ,
    notified      TEXT[]      NOT NULL DEFAULT '{}',
    sequence      BIGINT      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX alerting_groups_due_idx ON alerting_groups (next_flush_at);

-- An alert's history: fired, resolved, left out of a notice (silenced, inhibited), notified.
CREATE TABLE alerting_alert_events
(
    id          BIGSERIAL PRIMARY KEY,
    fingerprint TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    detail      TEXT        NOT NULL
);
CREATE INDEX alerting_alert_events_fingerprint_idx ON alerting_alert_events (fingerprint, id DESC);
