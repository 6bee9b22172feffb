package dev.watchkeeper.monitoring;

/**
 * The editable fields of a check.
 *
 * @param name unique per service and environment
 * @param kind http, tcp, tls or heartbeat
 * @param service the catalog service's slug or id
 * @param environment one of the service's environments
 * @param intervalSeconds time between two runs, start to start (probes)
 * @param timeoutMs how long a run may take; always shorter than the interval
 * @param failureThreshold consecutive failures before the check is down
 * @param successThreshold consecutive successes before a down check is up again
 * @param severity of the alert: critical, high, medium or low
 * @param runbookUrl where responders start; the service's runbook when absent
 * @param enabled paused checks do not run
 * @param http settings of an http check
 * @param tcp settings of a tcp check
 * @param tls settings of a tls check
 * @param heartbeat settings of a heartbeat check
 */
public record CheckDraft(String name, String kind, String service, String environment, Integer intervalSeconds,
		Integer timeoutMs, Integer failureThreshold, Integer successThreshold, String severity, String runbookUrl,
		Boolean enabled, CheckSettings.Http http, CheckSettings.Tcp tcp, CheckSettings.Tls tls,
		CheckSettings.Heartbeat heartbeat) {
}
