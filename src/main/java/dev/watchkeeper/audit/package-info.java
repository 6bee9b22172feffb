/**
 * The append-only, hash-chained record of every change: who made it (user or token), what
 * changed (action, target, before and after), when, and from where (address, user agent,
 * request id). Fed by the {@code AuditableEvent}s other modules publish, in the same
 * transaction as the change, and verifiable end to end.
 */
package dev.watchkeeper.audit;
