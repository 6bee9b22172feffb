package dev.watchkeeper.monitoring.metrics.scrape;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An endpoint scraped in the Prometheus text exposition format.
 *
 * @param id identifies the target
 * @param url the exposition endpoint, http or https
 * @param job the {@code job} label of every scraped series
 * @param service the {@code service} label, or null
 * @param environment the {@code environment} label, or null
 * @param interval time from one scrape's start to the next's
 * @param timeout the longest a scrape may take, always shorter than the interval
 * @param labels extra labels given to every scraped series
 * @param enabled whether it is scraped
 */
public record ScrapeTarget(UUID id, String url, String job, String service, String environment, Duration interval,
		Duration timeout, Map<String, String> labels, boolean enabled, Instant createdAt, Instant updatedAt) {

	/** The {@code instance} label: host and port, as Prometheus sets it. */
	public String instance() {
		return instance(URI.create(url));
	}

	static String instance(URI uri) {
		int port = uri.getPort();
		if (port < 0) {
			port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		}
		String host = uri.getHost();
		if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		return host + ":" + port;
	}

}
