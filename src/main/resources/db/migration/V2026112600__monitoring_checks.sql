-- Checks (HTTP, TCP, TLS certificate probes and heartbeats) of a catalog service in one
-- environment, with their current state. Probes are claimed by next_run_at with
-- FOR UPDATE SKIP LOCKED, so with several nodes each runs once per interval.
CREATE TABLE monitoring_checks (
    id                    uuid PRIMARY KEY,
    name                  text        NOT NULL,
    kind                  text        NOT NULL CHECK (kind IN ('http', 'tcp', 'tls', 'heartbeat')),
    service_id            uuid        NOT NULL,
    environment           text        NOT NULL,
    settings              jsonb       NOT NULL,
    interval_seconds      integer     NOT NULL,
    timeout_ms            integer     NOT NULL,
    failure_threshold     integer     NOT NULL,
    success_threshold     integer     NOT NULL,
    severity              text        NOT NULL,
    runbook_url           text,
    enabled               boolean     NOT NULL,
    ping_key              uuid UNIQUE,
    status                text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'up', 'down')),
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    consecutive_successes integer     NOT NULL DEFAULT 0,
    status_changed_at     timestamptz,
    last_run_at           timestamptz,
    last_ok               boolean,
    last_latency_ms       double precision,
    last_message          text,
    alert_refreshed_at    timestamptz,
    alert_severity        text,
    next_run_at           timestamptz,
    last_ping_at          timestamptz,
    last_start_at         timestamptz,
    last_duration_ms      bigint,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    UNIQUE (service_id, environment, name)
);

CREATE INDEX monitoring_checks_due ON monitoring_checks (next_run_at) WHERE enabled AND kind <> 'heartbeat';

-- Every probe run and heartbeat outcome, kept watchkeeper.monitoring.raw-retention.
CREATE TABLE monitoring_results (
    check_id    uuid             NOT NULL REFERENCES monitoring_checks (id) ON DELETE CASCADE,
    at          timestamptz      NOT NULL,
    ok          boolean          NOT NULL,
    latency_ms  double precision,
    message     text
);

CREATE INDEX monitoring_results_check_at ON monitoring_results (check_id, at DESC);
CREATE INDEX monitoring_results_at ON monitoring_results (at);

-- Roll-ups per minute (m), hour (h) and day (d): kept watchkeeper.monitoring.rollup-retention.
CREATE TABLE monitoring_rollups (
    check_id    uuid             NOT NULL REFERENCES monitoring_checks (id) ON DELETE CASCADE,
    resolution  char(1)          NOT NULL CHECK (resolution IN ('m', 'h', 'd')),
    bucket      timestamptz      NOT NULL,
    total       integer          NOT NULL,
    up          integer          NOT NULL,
    p50_ms      double precision,
    p95_ms      double precision,
    p99_ms      double precision,
    PRIMARY KEY (check_id, resolution, bucket)
);

CREATE INDEX monitoring_rollups_bucket ON monitoring_rollups (resolution, bucket);

-- How far each roll-up resolution has been computed.
CREATE TABLE monitoring_rollup_marks (
    resolution  char(1)     PRIMARY KEY,
    done_until  timestamptz NOT NULL
);

-- The certificate chain a TLS check saw last, one row per certificate.
CREATE TABLE monitoring_certificates (
    check_id    uuid        NOT NULL REFERENCES monitoring_checks (id) ON DELETE CASCADE,
    position    integer     NOT NULL,
    subject     text        NOT NULL,
    issuer      text        NOT NULL,
    not_after   timestamptz NOT NULL,
    seen_at     timestamptz NOT NULL,
    PRIMARY KEY (check_id, position)
);

-- Heartbeat pings as received (bodies truncated to watchkeeper.monitoring.ping-body-limit).
CREATE TABLE monitoring_pings (
    id           bigserial   PRIMARY KEY,
    check_id     uuid        NOT NULL REFERENCES monitoring_checks (id) ON DELETE CASCADE,
    at           timestamptz NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('start', 'success', 'fail', 'log')),
    exit_status  integer,
    rid          uuid,
    duration_ms  bigint,
    body         text,
    truncated    boolean     NOT NULL DEFAULT false,
    method       text        NOT NULL,
    address      text
);

CREATE INDEX monitoring_pings_check ON monitoring_pings (check_id, at DESC);
CREATE INDEX monitoring_pings_at ON monitoring_pings (at);
