/**
 * Alerts from anything: the Alertmanager API v2 (so Prometheus can use Watchkeeper as its
 * Alertmanager), Alertmanager's webhook, the native API and Watchkeeper's own producers.
 * An alert's identity is the fingerprint of its label set; repeated posts refresh it, an
 * {@code endsAt} in the past resolves it, and an alert that is not refreshed resolves
 * after the resolve timeout. Severity is read from the {@code severity} label and
 * normalised to the handbook's levels.
 */
package dev.watchkeeper.alerting;
