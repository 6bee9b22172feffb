-- The end an alert had before its latest write. Intake updates the stored alerts of a
-- request in one statement that merges them in place and returns this column with the new
-- values, so it learns which alerts were firing without reading them first.
ALTER TABLE alerting_alerts ADD COLUMN previous_ends_at timestamptz;
-- No query filters alerts by the alertname column (the alert list filters on labels), and
-- every new alert paid for this index's entry.
DROP INDEX alerting_alerts_name_idx;
