-- Integration keys: bearer tokens that may only post alerts (intake endpoints), bound to a
-- catalog service or to a team. Only SHA-256 hashes of the secrets are stored. The service
-- is another module's row, so it is kept by id and slug (as it was when the key was made)
-- without a foreign key; the current slug is looked up through the catalog when the key is
-- used.
CREATE TABLE identity_integration_keys
(
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL,
    key_hash     TEXT        NOT NULL UNIQUE,
    prefix       TEXT        NOT NULL,
    service_id   UUID,
    service_slug TEXT,
    team_id      UUID REFERENCES identity_teams (id) ON DELETE CASCADE,
    created_by   UUID REFERENCES identity_users (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    CHECK ((service_id IS NULL) <> (team_id IS NULL)),
    CHECK ((service_id IS NULL) = (service_slug IS NULL))
);
