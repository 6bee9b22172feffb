/**
 * On-call: schedules of layered rotations (primary, secondary …) with restrictions and
 * overrides, computed at local wall time in the schedule's time zone across
 * daylight-saving changes; "who is on call" for a schedule, a team or an escalation
 * target; calendars and iCal feeds behind secret links; escalation policies (the
 * handbook's default path shipped as data, assignable per team with a per-service
 * override); and each user's notification rules.
 */
package dev.watchkeeper.oncall;
