-- The public side of an incident: whether it is shown on the status page, its impact and
-- affected components, and the public updates (separate from the internal timeline).
CREATE TABLE incident_publications
(
    incident_id   UUID PRIMARY KEY REFERENCES incident_incidents (id) ON DELETE CASCADE,
    public        BOOLEAN     NOT NULL,
    title         TEXT        NOT NULL,
    impact        TEXT        NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
    component_ids UUID[]      NOT NULL DEFAULT '{}',
    status        TEXT        NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    resolved_at   TIMESTAMPTZ
);
CREATE INDEX incident_publications_public_idx ON incident_publications (public, updated_at DESC);

CREATE TABLE incident_public_updates
(
    id          UUID PRIMARY KEY,
    incident_id UUID        NOT NULL REFERENCES incident_incidents (id) ON DELETE CASCADE,
    status      TEXT        NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    body        TEXT        NOT NULL,
    posted_by   TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_public_updates_incident_idx ON incident_public_updates (incident_id, created_at DESC);
