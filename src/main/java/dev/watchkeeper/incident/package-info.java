/**
 * Incidents from declaration to post-mortem: the severity policy as data (targets to
 * acknowledge and resolve, stakeholder notice, update cadence, post-mortem), the status
 * machine, severity changes, the incident commander, communications lead and scribe, the
 * timeline that records everything that happens plus people's notes, SLA breaches and
 * update reminders on persistent timers, post-mortems with action items, and response
 * analytics (MTTA, MTTR, share within target).
 */
package dev.watchkeeper.incident;
