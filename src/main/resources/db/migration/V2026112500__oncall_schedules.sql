-- On-call schedules (handbook 003 and 004 §3.8: weekly rotation, hand-off Monday 09:00,
-- primary and secondary). A schedule's team is another module's row, kept by id without a
-- foreign key; users likewise. Layers are ordered by position (1 = primary); hand-off wall
-- times are read in the schedule's IANA zone.
CREATE TABLE oncall_schedules
(
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    description TEXT,
    team_id     UUID,
    time_zone   TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX oncall_schedules_team_idx ON oncall_schedules (team_id);
CREATE INDEX oncall_schedules_name_idx ON oncall_schedules (lower(name), id);

-- shift: daily | weekly | custom; shift_length_minutes only for custom; handoff_day 1 (Monday)
-- to 7 (Sunday) only for weekly. restrictions: [{"days":[1,…],"start":"09:00","end":"17:00"}].
CREATE TABLE oncall_layers
(
    schedule_id          UUID     NOT NULL REFERENCES oncall_schedules (id) ON DELETE CASCADE,
    position             SMALLINT NOT NULL CHECK (position BETWEEN 1 AND 5),
    name                 TEXT     NOT NULL,
    participants         UUID[]   NOT NULL,
    shift                TEXT     NOT NULL CHECK (shift IN ('daily', 'weekly', 'custom')),
    shift_length_minutes INT CHECK (shift_length_minutes > 0),
    handoff_day          SMALLINT CHECK (handoff_day BETWEEN 1 AND 7),
    handoff_time         TIME     NOT NULL,
    start_date           DATE     NOT NULL,
    restrictions         JSONB    NOT NULL DEFAULT '[]',
    PRIMARY KEY (schedule_id, position),
    CHECK ((shift = 'custom') = (shift_length_minutes IS NOT NULL))
);
CREATE INDEX oncall_layers_participants_idx ON oncall_layers USING gin (participants);

-- Someone covers [starts_at, ends_at) of one layer; for covered_user_id only, or for whoever
-- is on call when it is null. The later override wins where two overlap.
CREATE TABLE oncall_overrides
(
    id              UUID PRIMARY KEY,
    schedule_id     UUID        NOT NULL REFERENCES oncall_schedules (id) ON DELETE CASCADE,
    layer           SMALLINT    NOT NULL CHECK (layer BETWEEN 1 AND 5),
    user_id         UUID        NOT NULL,
    covered_user_id UUID,
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    note            TEXT,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX oncall_overrides_schedule_idx ON oncall_overrides (schedule_id, ends_at);
CREATE INDEX oncall_overrides_user_idx ON oncall_overrides (user_id);
