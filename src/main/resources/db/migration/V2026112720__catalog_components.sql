-- Status page components: what the public sees, grouped, each mapped to one catalog service
-- and optionally to several of its checks (ids of monitoring checks; no foreign key across
-- modules). status_override, when set, wins over the status derived from checks.
CREATE TABLE catalog_component_groups
(
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    description TEXT,
    position    INT         NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE catalog_components
(
    id              UUID PRIMARY KEY,
    name            TEXT        NOT NULL UNIQUE,
    description     TEXT,
    group_id        UUID REFERENCES catalog_component_groups (id) ON DELETE SET NULL,
    service_id      UUID        NOT NULL REFERENCES catalog_services (id) ON DELETE CASCADE,
    check_ids       UUID[]      NOT NULL DEFAULT '{}',
    status_override TEXT CHECK (status_override IN ('operational', 'degraded_performance', 'partial_outage',
                                                    'major_outage', 'under_maintenance')),
    position        INT         NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX catalog_components_service_idx ON catalog_components (service_id);
