-- The service catalog: services and the environments each runs in (handbook 004 §1.1).
-- tier: 1 = most critical (customer-facing, revenue) … 4 = least (internal tooling).
CREATE TABLE catalog_services
(
    id            UUID PRIMARY KEY,
    slug          TEXT        NOT NULL UNIQUE,
    name          TEXT        NOT NULL,
    description   TEXT,
    owner_team_id UUID,
    tier          SMALLINT    NOT NULL DEFAULT 3 CHECK (tier BETWEEN 1 AND 4),
    runbook_url   TEXT,
    tags          TEXT[]      NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX catalog_services_name_idx ON catalog_services (lower(name), id);
CREATE INDEX catalog_services_owner_idx ON catalog_services (owner_team_id);
CREATE INDEX catalog_services_tags_idx ON catalog_services USING gin (tags);

CREATE TABLE catalog_service_environments
(
    service_id UUID NOT NULL REFERENCES catalog_services (id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (name IN ('development', 'staging', 'production')),
    url        TEXT,
    PRIMARY KEY (service_id, name)
);
