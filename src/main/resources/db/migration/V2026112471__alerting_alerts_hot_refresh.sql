-- Intake refreshes the same alerts over and over (Prometheus re-sends every firing alert on
-- each evaluation), changing only times and annotations. Without an index on ends_at and
-- with free room in each page, such an update is a HOT update: PostgreSQL writes no new
-- entries in the primary key, the alertname index or the GIN index on labels. The ends_at
-- index served no query: the alert list sorts by (ends_at > now) and starts_at.
DROP INDEX alerting_alerts_ends_idx;
ALTER TABLE alerting_alerts SET (fillfactor = 70);
