-- The outbox: one row per notice to one channel, written in the transaction of the decision
-- that caused it. Workers claim due rows (status pending, next_attempt_at passed, no live lease)
-- with FOR UPDATE SKIP LOCKED and set lease_until; a worker that dies mid-send leaves a lease
-- that runs out, and the row is due again. channel_name and channel_kind stay readable in the
-- log after the channel is deleted.
CREATE TABLE notification_deliveries
(
    id              UUID PRIMARY KEY,
    idempotency_key TEXT        NOT NULL UNIQUE,
    channel_id      UUID        REFERENCES notification_channels (id) ON DELETE SET NULL,
    channel_name    TEXT        NOT NULL,
    channel_kind    TEXT        NOT NULL,
    notice          JSONB       NOT NULL,
    test            BOOLEAN     NOT NULL DEFAULT FALSE,
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    give_up_at      TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    lease_owner     TEXT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ
);
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at DESC);
CREATE INDEX notification_deliveries_channel_idx ON notification_deliveries (lower(channel_name), created_at DESC);

-- Every attempt to send a delivery: when, how long, what the peer said.
CREATE TABLE notification_delivery_attempts
(
    delivery_id UUID        NOT NULL REFERENCES notification_deliveries (id) ON DELETE CASCADE,
    number      INTEGER     NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    duration_ms BIGINT      NOT NULL,
    status_code INTEGER,
    error       TEXT,
    outcome     TEXT        NOT NULL CHECK (outcome IN ('succeeded', 'retry', 'failed')),
    PRIMARY KEY (delivery_id, number)
);
