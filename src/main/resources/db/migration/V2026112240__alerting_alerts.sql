-- Alerts by fingerprint (the hash of the label set). ends_at_explicit: the sender gave endsAt;
-- otherwise ends_at is the resolve timeout after the last refresh.
CREATE TABLE alerting_alerts
(
    fingerprint      TEXT PRIMARY KEY,
    alertname        TEXT        NOT NULL,
    labels           JSONB       NOT NULL,
    annotations      JSONB       NOT NULL,
    severity         TEXT        NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    ends_at_explicit BOOLEAN     NOT NULL,
    generator_url    TEXT,
    source           TEXT        NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX alerting_alerts_ends_idx ON alerting_alerts (ends_at DESC);
CREATE INDEX alerting_alerts_name_idx ON alerting_alerts (alertname);
CREATE INDEX alerting_alerts_labels_idx ON alerting_alerts USING gin (labels jsonb_path_ops);
