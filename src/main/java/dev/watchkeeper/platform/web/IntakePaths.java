package dev.watchkeeper.platform.web;

import java.util.List;

/**
 * Where machines post alerts and samples. Security lets responders and integration keys
 * (only) post here, the alert intake filter serves the alert paths, and successes here
 * are logged at DEBUG rather than INFO: every one of them reads this one list.
 */
public final class IntakePaths {

	/**
	 * Alertmanager's API v2, for a Prometheus that uses Watchkeeper as its Alertmanager.
	 */
	public static final String ALERTMANAGER_API = "/alertmanager/api/v2/alerts";

	/** An Alertmanager {@code webhook_configs} receiver. */
	public static final String ALERTMANAGER_WEBHOOK = "/api/v1/integrations/alertmanager";

	/** The native alert form. */
	public static final String NATIVE_ALERTS = "/api/v1/alerts";

	/** Backfill in the text exposition format with timestamps. */
	public static final String PROMETHEUS_IMPORT = "/prometheus/api/v1/import/prometheus";

	/** Prometheus remote write. */
	public static final String PROMETHEUS_WRITE = "/prometheus/api/v1/write";

	/** The paths that take alerts. */
	public static final List<String> ALERTS = List.of(ALERTMANAGER_API, ALERTMANAGER_WEBHOOK, NATIVE_ALERTS);

	/** Every intake path: alerts and samples. */
	public static final List<String> ALL = List.of(ALERTMANAGER_API, ALERTMANAGER_WEBHOOK, NATIVE_ALERTS,
			PROMETHEUS_IMPORT, PROMETHEUS_WRITE);

	private IntakePaths() {
	}

	/** Whether this request posts to an intake path. */
	public static boolean isIntake(String method, String path) {
		return "POST".equals(method) && ALL.contains(path);
	}

}
