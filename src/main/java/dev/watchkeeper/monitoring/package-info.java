/**
 * Monitoring: probes (HTTP, TCP, TLS certificates) and heartbeat checks on a drift-free
 * scheduler with history and uptime, the embedded metric store fed by scraping, import
 * and remote write, a PromQL evaluator that gives Prometheus's answers, alert rules in
 * Prometheus's rule-file format, and the Prometheus-compatible query API.
 */
package dev.watchkeeper.monitoring;
