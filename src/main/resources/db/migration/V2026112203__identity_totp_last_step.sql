-- The last TOTP time step accepted per user: a code is accepted once (RFC 6238 §5.2).
ALTER TABLE identity_users ADD COLUMN totp_last_step BIGINT;
