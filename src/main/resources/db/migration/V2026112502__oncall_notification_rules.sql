-- How each user wants to be reached when paged: a contact method kind (and, optionally, one
-- address of that kind from their profile) after a delay. No rows: every contact method of the
-- profile at once.
CREATE TABLE oncall_notification_rules
(
    user_id       UUID    NOT NULL,
    position      INT     NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('email', 'sms', 'voice', 'slack', 'webhook')),
    address       TEXT,
    delay_seconds INT     NOT NULL CHECK (delay_seconds >= 0),
    PRIMARY KEY (user_id, position)
);
