-- Browser sessions (Spring Session JDBC, table name set by spring.session.jdbc.table-name), kept in
-- PostgreSQL so that a restart or a crash does not sign everyone out and any node can serve a
-- session. Attributes are the serialized security context, the CSRF token and sign-in progress.
CREATE TABLE identity_sessions
(
    primary_id            CHAR(36) NOT NULL PRIMARY KEY,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT   NOT NULL,
    last_access_time      BIGINT   NOT NULL,
    max_inactive_interval INT      NOT NULL,
    expiry_time           BIGINT   NOT NULL,
    principal_name        TEXT
);
CREATE UNIQUE INDEX identity_sessions_session_idx ON identity_sessions (session_id);
CREATE INDEX identity_sessions_expiry_idx ON identity_sessions (expiry_time);
CREATE INDEX identity_sessions_principal_idx ON identity_sessions (principal_name);

CREATE TABLE identity_sessions_attributes
(
    session_primary_id CHAR(36)     NOT NULL REFERENCES identity_sessions (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
