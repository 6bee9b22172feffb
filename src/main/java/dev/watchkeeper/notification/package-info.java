/**
 * Notifications that reach people: channels (email, Slack, Microsoft Teams, signed
 * webhooks, PagerDuty Events v2), their message templates, and the durable outbox. A
 * delivery is written in the transaction of the decision that caused it, then sent after
 * commit by workers that claim due deliveries with {@code FOR UPDATE SKIP LOCKED}, retry
 * with exponential back-off and jitter for up to a day, and record every attempt. A
 * delivery that finally fails publishes
 * {@link dev.watchkeeper.notification.DeliveryFailed}.
 */
package dev.watchkeeper.notification;
