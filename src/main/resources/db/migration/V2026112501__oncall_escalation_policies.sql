-- Escalation policies: ordered steps, each with targets and a timeout, run 1 + repeat_count
-- times. steps: [{"targets":[{"kind":"team_role","ref":"on_call"}],"timeout_seconds":300}, …].
-- The handbook's default policy is not stored: it ships as oncall/default-escalation-policy.yaml.
CREATE TABLE oncall_escalation_policies
(
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL,
    description  TEXT,
    repeat_count SMALLINT    NOT NULL CHECK (repeat_count BETWEEN 0 AND 9),
    steps        JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX oncall_escalation_policies_name_idx ON oncall_escalation_policies (lower(name));

-- Which policy a team's incidents use, and services that use another than their team's.
-- Teams and services are other modules' rows: kept by id, removed when those are deleted.
-- policy_id may be the built-in default's id, which has no row: it is checked in code, and a
-- policy that is assigned cannot be deleted.
CREATE TABLE oncall_team_policies
(
    team_id    UUID PRIMARY KEY,
    policy_id  UUID        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE oncall_service_policies
(
    service_id UUID PRIMARY KEY,
    policy_id  UUID        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX oncall_team_policies_policy_idx ON oncall_team_policies (policy_id);
CREATE INDEX oncall_service_policies_policy_idx ON oncall_service_policies (policy_id);
