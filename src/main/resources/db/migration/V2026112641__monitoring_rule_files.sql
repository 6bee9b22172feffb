-- The alert and recording rule file, in Prometheus's format, as posted (YAML or JSON).
-- One row: without it the rules shipped with Watchkeeper apply.
CREATE TABLE monitoring_rule_files (
    id          smallint PRIMARY KEY CHECK (id = 1),
    content     text        NOT NULL,
    updated_at  timestamptz NOT NULL
);
