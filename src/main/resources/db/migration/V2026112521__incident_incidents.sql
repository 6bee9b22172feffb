-- Incidents, their timeline and roles. Deadlines (ack_due_at, resolve_due_at) follow the
-- severity policy in force when the severity was set; their timers are in scheduled_tasks.
CREATE TABLE incident_incidents (
    id                     uuid PRIMARY KEY,
    number                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    title                  text        NOT NULL,
    summary                text,
    severity               text        NOT NULL,
    service_id             uuid,
    status                 text        NOT NULL CHECK (status IN ('triggered', 'acknowledged', 'investigating',
                                                              'identified', 'monitoring', 'resolved', 'closed')),
    channel                text        NOT NULL UNIQUE,
    declared_at            timestamptz NOT NULL,
    declared_by            text        NOT NULL,
    declared_by_user_id    uuid,
    acknowledged_at        timestamptz,
    acknowledged_by        text,
    ack_due_at             timestamptz NOT NULL,
    resolve_due_at         timestamptz NOT NULL,
    ack_breached_at        timestamptz,
    resolve_breached_at    timestamptz,
    resolved_at            timestamptz,
    closed_at              timestamptz,
    commander_id           uuid,
    communications_lead_id uuid,
    scribe_id              uuid,
    last_update_at         timestamptz NOT NULL,
    last_reminder_at       timestamptz,
    updated_at             timestamptz NOT NULL
);

CREATE INDEX incident_incidents_declared_idx ON incident_incidents (declared_at DESC, number DESC);
CREATE INDEX incident_incidents_open_idx ON incident_incidents (status) WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX incident_incidents_service_idx ON incident_incidents (service_id, declared_at);

CREATE TABLE incident_timeline (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id   uuid        NOT NULL REFERENCES incident_incidents (id) ON DELETE CASCADE,
    at            timestamptz NOT NULL,
    kind          text        NOT NULL,
    text          text        NOT NULL,
    actor_name    text,
    actor_user_id uuid,
    data          jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX incident_timeline_incident_idx ON incident_timeline (incident_id, at, id);
