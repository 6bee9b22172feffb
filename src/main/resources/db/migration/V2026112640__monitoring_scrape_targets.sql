-- Targets the metric store scrapes in the Prometheus text exposition format. The lease
-- columns let one node of several scrape each target: a node scrapes only while it holds
-- an unexpired lease.
CREATE TABLE monitoring_scrape_targets (
    id            uuid PRIMARY KEY,
    url           text        NOT NULL,
    job           text        NOT NULL,
    service       text,
    environment   text,
    interval_ms   bigint      NOT NULL CHECK (interval_ms > 0),
    timeout_ms    bigint      NOT NULL CHECK (timeout_ms > 0 AND timeout_ms < interval_ms),
    labels        jsonb       NOT NULL DEFAULT '{}',
    enabled       boolean     NOT NULL DEFAULT true,
    lease_node    text,
    lease_until   timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    UNIQUE (url, job)
);
