-- The maintenance policy as data, one row (handbook 003): windows last at most four hours,
-- scheduled work is announced at least 48 hours ahead, emergency work needs a manager's or
-- admin's approval and gets a follow-up (a post-mortem) due 48 hours after it ends. The
-- default window is the handbook's monthly slot, first Sunday 02:00-06:00 UTC, in
-- Alertmanager's time-interval syntax; new recurring windows start from it.
CREATE TABLE maintenance_policy (
    id                   smallint    PRIMARY KEY CHECK (id = 1),
    max_duration_minutes integer     NOT NULL CHECK (max_duration_minutes > 0),
    min_notice_minutes   integer     NOT NULL CHECK (min_notice_minutes >= 0),
    reminder_minutes     integer     NOT NULL CHECK (reminder_minutes > 0),
    follow_up_minutes    integer     NOT NULL CHECK (follow_up_minutes > 0),
    default_window       jsonb       NOT NULL,
    updated_at           timestamptz NOT NULL,
    updated_by           text        NOT NULL
);

INSERT INTO maintenance_policy (id, max_duration_minutes, min_notice_minutes, reminder_minutes, follow_up_minutes,
                                default_window, updated_at, updated_by)
VALUES (1, 240, 2880, 1440, 2880,
        '[{"weekdays": ["sunday"], "days_of_month": ["1:7"], "times": [{"start_time": "02:00", "end_time": "06:00"}], "location": "UTC"}]',
        now(), 'handbook 003');

-- A window: one-off (starts_at/ends_at) or recurring (time_intervals in Alertmanager's syntax,
-- or an iCalendar RRULE with its local start, zone and duration), limited to
-- [series_from, series_until). service_ids are catalog ids (no foreign key across modules).
-- Emergency windows do nothing until approved. timers_done_until: the timer has published
-- every reminder, start and end up to this instant.
CREATE TABLE maintenance_windows (
    id                 uuid        PRIMARY KEY,
    title              text        NOT NULL,
    description        text        NOT NULL,
    rollback_plan      text        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('one_off', 'time_intervals', 'rrule')),
    starts_at          timestamptz,
    ends_at            timestamptz,
    time_intervals     jsonb,
    rrule              text,
    rrule_start        timestamp,
    time_zone          text,
    duration_minutes   integer,
    series_from        timestamptz,
    series_until       timestamptz,
    service_ids        uuid[]      NOT NULL,
    emergency          boolean     NOT NULL,
    emergency_reason   text,
    approval           text        NOT NULL CHECK (approval IN ('not_required', 'pending', 'approved', 'rejected')),
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text,
    cancelled_at       timestamptz,
    cancelled_by       text,
    timers_done_until  timestamptz NOT NULL,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK (kind <> 'one_off' OR (starts_at IS NOT NULL AND ends_at > starts_at)),
    CHECK (kind <> 'time_intervals' OR time_intervals IS NOT NULL),
    CHECK (kind <> 'rrule' OR (rrule IS NOT NULL AND rrule_start IS NOT NULL AND time_zone IS NOT NULL
                               AND duration_minutes > 0))
);

CREATE INDEX maintenance_windows_services ON maintenance_windows USING gin (service_ids);

-- What emergency work leaves to do: a post-mortem, due a while after the window ends.
CREATE TABLE maintenance_follow_ups (
    id         uuid        PRIMARY KEY,
    window_id  uuid        NOT NULL UNIQUE REFERENCES maintenance_windows (id) ON DELETE CASCADE,
    title      text        NOT NULL,
    due_at     timestamptz NOT NULL,
    done_at    timestamptz,
    done_by    text,
    note       text,
    created_at timestamptz NOT NULL
);
