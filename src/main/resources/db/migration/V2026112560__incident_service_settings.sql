-- How incidents of a catalog service behave, one row per service that set anything. A service
-- without a row has the defaults (auto_resolve off). service_id is the catalog's id (no foreign
-- key across modules; the settings of a deleted service are never read).
CREATE TABLE incident_service_settings (
    service_id   uuid PRIMARY KEY,
    auto_resolve boolean     NOT NULL DEFAULT FALSE,
    updated_at   timestamptz NOT NULL,
    updated_by   text
);
