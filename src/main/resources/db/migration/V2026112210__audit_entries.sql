-- The audit trail: append-only and hash-chained. before_state/after_state keep the exact JSON
-- text that was hashed (jsonb would normalise it and break the chain).
CREATE TABLE audit_entries
(
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor_kind    TEXT        NOT NULL,
    actor_id      TEXT        NOT NULL,
    actor_name    TEXT        NOT NULL,
    actor_user_id TEXT,
    action        TEXT        NOT NULL,
    target_type   TEXT        NOT NULL,
    target_id     TEXT        NOT NULL,
    summary       TEXT        NOT NULL,
    before_state  TEXT        NOT NULL,
    after_state   TEXT        NOT NULL,
    ip_address    TEXT,
    user_agent    TEXT,
    request_id    TEXT,
    prev_hash     TEXT        NOT NULL,
    hash          TEXT        NOT NULL
);
CREATE INDEX audit_entries_occurred_idx ON audit_entries (occurred_at DESC);
CREATE INDEX audit_entries_action_idx ON audit_entries (action, id DESC);
CREATE INDEX audit_entries_target_idx ON audit_entries (target_type, target_id, id DESC);
CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_id, id DESC);

CREATE FUNCTION audit_entries_append_only() RETURNS trigger AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entries_append_only
    BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
