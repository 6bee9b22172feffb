/**
 * The service catalog: services with their owner team, tier, runbook and tags, and the
 * environments each runs in (development, staging, production) with their URLs. Alerts,
 * incidents, checks and deployments are routed by service.
 */
package dev.watchkeeper.catalog;
