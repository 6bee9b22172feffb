-- Post-mortems (handbook 004 §3.8: timeline of events, root cause analysis, action items,
-- learnings) and their action items.
CREATE TABLE incident_postmortems (
    id           uuid PRIMARY KEY,
    incident_id  uuid        NOT NULL UNIQUE REFERENCES incident_incidents (id) ON DELETE CASCADE,
    status       text        NOT NULL CHECK (status IN ('draft', 'in_review', 'published')),
    due_at       timestamptz NOT NULL,
    timeline     text        NOT NULL,
    root_cause   text        NOT NULL DEFAULT '',
    learnings    text        NOT NULL DEFAULT '',
    -- how many of the policy's reminders went out (they go out in time order)
    reminders_sent smallint  NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    published_at timestamptz
);

CREATE INDEX incident_postmortems_status_idx ON incident_postmortems (status, due_at);

CREATE TABLE incident_action_items (
    id                  uuid PRIMARY KEY,
    postmortem_id       uuid        NOT NULL REFERENCES incident_postmortems (id) ON DELETE CASCADE,
    title               text        NOT NULL,
    owner_id            uuid        NOT NULL,
    due_date            date        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('open', 'in_progress', 'done')),
    overdue_notified_at timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    done_at             timestamptz
);

CREATE INDEX incident_action_items_postmortem_idx ON incident_action_items (postmortem_id, created_at);
CREATE INDEX incident_action_items_open_idx ON incident_action_items (due_date) WHERE status <> 'done';
