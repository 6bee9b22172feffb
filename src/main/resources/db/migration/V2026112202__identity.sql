-- Identity: users, teams, organisation roles, API tokens, login protection, MFA.
CREATE TABLE identity_users
(
    id             UUID PRIMARY KEY,
    email          TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    time_zone      TEXT        NOT NULL DEFAULT 'UTC',
    role           TEXT        NOT NULL CHECK (role IN ('viewer', 'responder', 'manager', 'admin')),
    password_hash  TEXT,
    totp_secret    TEXT,
    mfa_enabled    BOOLEAN     NOT NULL DEFAULT FALSE,
    disabled       BOOLEAN     NOT NULL DEFAULT FALSE,
    locked_until   TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX identity_users_email_idx ON identity_users (lower(email));

CREATE TABLE identity_contact_methods
(
    id       UUID PRIMARY KEY,
    user_id  UUID NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('email', 'sms', 'voice', 'slack', 'webhook')),
    address  TEXT NOT NULL,
    label    TEXT,
    position INT  NOT NULL DEFAULT 0
);
CREATE INDEX identity_contact_methods_user_idx ON identity_contact_methods (user_id);

CREATE TABLE identity_teams
(
    id          UUID PRIMARY KEY,
    slug        TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    description TEXT,
    lead_id     UUID REFERENCES identity_users (id) ON DELETE SET NULL,
    manager_id  UUID REFERENCES identity_users (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE identity_team_members
(
    team_id UUID NOT NULL REFERENCES identity_teams (id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);

-- Organisation-level roles that escalation policies can name, e.g. CTO.
CREATE TABLE identity_org_roles
(
    name     TEXT PRIMARY KEY,
    user_id  UUID REFERENCES identity_users (id) ON DELETE SET NULL,
    position INT NOT NULL DEFAULT 0
);
INSERT INTO identity_org_roles (name, position) VALUES ('CTO', 0);

CREATE TABLE identity_api_tokens
(
    id           UUID PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('api', 'session')),
    token_hash   TEXT        NOT NULL UNIQUE,
    prefix       TEXT        NOT NULL,
    role         TEXT        NOT NULL CHECK (role IN ('viewer', 'responder', 'manager', 'admin')),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX identity_api_tokens_user_idx ON identity_api_tokens (user_id);

-- Failed logins per account, kept long enough to judge the lockout window.
CREATE TABLE identity_login_failures
(
    id         BIGSERIAL PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    ip_address TEXT,
    failed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_login_failures_user_idx ON identity_login_failures (user_id, failed_at);

CREATE TABLE identity_recovery_codes
(
    user_id   UUID NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);
