-- iCal feeds behind secret links, one per schedule and one per user. The link's token is
-- looked up by its SHA-256 hash; the token itself is kept sealed (AES-GCM with the
-- SecretKeyring) so the owner can see the link again. Rotating replaces both.
CREATE TABLE oncall_feeds
(
    id           UUID PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('schedule', 'user')),
    subject_id   UUID        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    token_sealed TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    UNIQUE (kind, subject_id)
);
