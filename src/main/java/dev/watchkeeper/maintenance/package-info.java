/**
 * Maintenance windows: one-off or recurring (Alertmanager time-interval syntax, iCalendar
 * RRULE on import), affected services, description and rollback plan; the handbook's
 * policy as data (maximum duration, notice period, emergency approval with a follow-up);
 * durable timers for reminder, start and end; alert suppression and uptime exclusion for
 * the affected services only.
 */
package dev.watchkeeper.maintenance;
