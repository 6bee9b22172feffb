/**
 * Who may do what: users with their time zones and contact methods, teams with a lead and
 * an engineering manager, organisation roles for escalation (e.g. CTO), the role ladder
 * viewer &lt; responder &lt; manager &lt; admin, sessions and API tokens, TOTP
 * multi-factor authentication, and login protection (lockout after repeated failures,
 * per-address throttling) that publishes security signals.
 */
package dev.watchkeeper.identity;
