/**
 * The public status page: components (from the catalog) with statuses derived from
 * checks, public incidents and maintenance, a manual override winning; the page at
 * {@code /status} with 90-day uptime bars, history and an Atom feed; Statuspage API v2
 * JSON under {@code /status/api/v2/}; email (double opt-in) and webhook subscriptions
 * notified of public incident updates and maintenance through the notification outbox.
 * Rendered answers are cached and rebuilt on change.
 */
package dev.watchkeeper.statuspage;
