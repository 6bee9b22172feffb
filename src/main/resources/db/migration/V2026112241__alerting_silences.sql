-- Silences: matchers over alert labels, active from starts_at (which may be in the future)
-- until ends_at. Expiring a silence sets ends_at to the moment it was expired.
CREATE TABLE alerting_silences
(
    id         UUID PRIMARY KEY,
    matchers   JSONB       NOT NULL,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL,
    comment    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX alerting_silences_ends_idx ON alerting_silences (ends_at DESC);
