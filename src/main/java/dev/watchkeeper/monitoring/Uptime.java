package dev.watchkeeper.monitoring;

import java.util.UUID;

/**
 * Share of successful runs over the last 24 hours, 7, 30 and 90 days; null where the
 * check has no result in that window. Whole hours before the last completed roll-up come
 * from the per-hour roll-ups, the rest from the raw results. Runs inside planned downtime
 * of the check's service ({@link PlannedDowntime}) are left out.
 *
 * @param checkId the check
 * @param day last 24 hours
 * @param week last 7 days
 * @param month last 30 days
 * @param quarter last 90 days
 */
public record Uptime(UUID checkId, Double day, Double week, Double month, Double quarter) {
}
