package dev.watchkeeper.monitoring.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.watchkeeper.monitoring.Check;
import dev.watchkeeper.monitoring.Uptime;

/**
 * A check as the list shows it: status, uptime per window, and a latency sparkline as SVG
 * polyline points (failed runs drop to the bottom edge, drawn red).
 */
record CheckRow(UUID id, String name, String kind, String service, String environment, String status, String target,
		String day, String week, String month, String quarter, String sparkline, boolean lastFailed, String lastMessage,
		String lastRunAt, String lastPingAt, String lastDuration, String pingUrl) {

	private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(java.time.ZoneOffset.UTC);

	static String time(Instant instant) {
		return instant == null ? "never" : TIME.format(instant);
	}

	static final int WIDTH = 120;

	static final int HEIGHT = 24;

	static CheckRow of(Check check, String service, Uptime uptime, List<Double> latencies) {
		var state = check.state();
		return new CheckRow(check.id(), check.name(), check.kind().value(), service, check.environment(),
				state.status(), target(check), percent(uptime == null ? null : uptime.day()),
				percent(uptime == null ? null : uptime.week()), percent(uptime == null ? null : uptime.month()),
				percent(uptime == null ? null : uptime.quarter()), sparkline(latencies),
				Boolean.FALSE.equals(state.lastOk()), state.lastMessage(), time(state.lastRunAt()),
				time(state.lastPingAt()),
				state.lastDurationMs() == null ? "—"
						: String.format(Locale.ROOT, "%.1f s", state.lastDurationMs() / 1000.0),
				check.pingKey() == null ? null : "/ping/" + check.pingKey());
	}

	static String target(Check check) {
		return switch (check.kind()) {
			case HTTP -> check.http().method() + " " + check.http().url();
			case TCP -> check.tcp().host() + ":" + check.tcp().port();
			case TLS -> check.tls().host() + ":" + check.tls().port();
			case HEARTBEAT -> check.heartbeat().cron() != null
					? "cron " + check.heartbeat().cron() + " (" + check.heartbeat().timeZone() + ")"
					: "every " + check.heartbeat().periodSeconds() + " s";
		};
	}

	static String percent(Double ratio) {
		return ratio == null ? "—" : String.format(Locale.ROOT, "%.2f %%", ratio * 100);
	}

	/** Points of a polyline in a WIDTH × HEIGHT box, latest on the right. */
	static String sparkline(List<Double> latencies) {
		if (latencies == null || latencies.isEmpty()) {
			return "";
		}
		double max = latencies.stream().filter(l -> l != null).mapToDouble(Double::doubleValue).max().orElse(1);
		double step = latencies.size() == 1 ? 0 : (double) WIDTH / (latencies.size() - 1);
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < latencies.size(); i++) {
			Double latency = latencies.get(i);
			double y = latency == null ? HEIGHT : HEIGHT - 1 - (latency / Math.max(max, 1e-9)) * (HEIGHT - 2);
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, y));
		}
		return points.toString().trim();
	}

}
