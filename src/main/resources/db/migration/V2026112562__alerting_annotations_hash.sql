-- The hash of each alert's annotations, so a refresh that repeats them (the usual case:
-- Prometheus resends firing alerts every evaluation) leaves the stored JSON alone.
-- Existing rows have none and get theirs at their next refresh.
ALTER TABLE alerting_alerts ADD COLUMN annotations_hash bigint;
