package dev.watchkeeper.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the request bodies of the intake benchmark: batches of alerts in Alertmanager's
 * API v2 shape as Prometheus posts them, one JSON array per line, for
 * {@code LoadDriver --body-file}. Each batch mixes refreshes of alerts from a fixed pool
 * (the same alerts posted again, as Prometheus does on every evaluation) with alerts that
 * are new on every request ({@code @SEQ@} in their {@code instance} label). Label sets
 * are realistic: alertname, service, instance, job, severity, env, region; annotations
 * carry a summary, a description and a runbook link. Seeded, so every run sends the same
 * bodies.
 *
 * <pre>
 * java -cp target/bench-classes dev.watchkeeper.bench.AlertBatches OUT_FILE [BATCHES] [SIZE] [NEW_PER_BATCH] [POOL]
 *   defaults: 400 batches of 64 alerts, 16 of them new, refreshes drawn from a pool of 5000 alerts
 * </pre>
 */
public final class AlertBatches {

	private static final String[] ALERTNAMES = { "HighErrorRate", "HighLatencyP95", "InstanceDown",
			"DatabaseConnectionPoolHigh", "DiskWillFillIn4Hours", "CertificateExpiresSoon", "HighMemoryUsage",
			"PodCrashLooping", "QueueBacklogGrowing", "ReplicationLagHigh", "TargetScrapeFailed", "SLOBurnRateFast" };

	private static final String[] SEVERITIES = { "critical", "high", "warning", "info" };

	private static final String[] JOBS = { "node", "api", "postgres", "kubernetes-pods", "blackbox" };

	private static final String[] REGIONS = { "eu-west-1", "eu-central-1", "us-east-1" };

	private AlertBatches() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1 || args.length > 5) {
			System.err.println("usage: AlertBatches OUT_FILE [BATCHES] [SIZE] [NEW_PER_BATCH] [POOL]");
			System.exit(2);
		}
		int batches = args.length > 1 ? bounded("BATCHES", args[1], 1, RequestBodies.MAX_BODIES) : 400;
		int size = args.length > 2 ? bounded("SIZE", args[2], 1, 1000) : 64;
		int fresh = args.length > 3 ? bounded("NEW_PER_BATCH", args[3], 0, size) : 16;
		int pool = args.length > 4 ? bounded("POOL", args[4], 1, 1_000_000) : 5000;
		Files.write(Path.of(args[0]), bodies(batches, size, fresh, pool), StandardCharsets.UTF_8);
	}

	static List<String> bodies(int batches, int size, int fresh, int pool) {
		var random = new SplittableRandom(20261124);
		List<String> lines = new ArrayList<>(batches);
		for (int b = 0; b < batches; b++) {
			var body = new StringBuilder(size * 520).append('[');
			// Prometheus never repeats an alert within one batch
			var refreshed = new HashSet<Integer>();
			for (int i = 0; i < size; i++) {
				if (i > 0) {
					body.append(',');
				}
				boolean isNew = i < fresh;
				int n = random.nextInt(pool);
				while (!isNew && !refreshed.add(n) && refreshed.size() < pool) {
					n = random.nextInt(pool);
				}
				String instance = isNew ? "new-@SEQ@-" + i + ":9100" : "host-" + n + ":9100";
				alert(body, n, instance);
			}
			lines.add(body.append(']').toString());
		}
		return lines;
	}

	/** One alert; {@code n} picks its name, service, job and severity from the pool. */
	private static void alert(StringBuilder out, int n, String instance) {
		String alertname = ALERTNAMES[n % ALERTNAMES.length];
		String service = String.format(Locale.ROOT, "svc-%03d", n % 40);
		String severity = SEVERITIES[(n / 7) % SEVERITIES.length];
		String job = JOBS[(n / 3) % JOBS.length];
		String region = REGIONS[n % REGIONS.length];
		String slug = alertname.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		out.append("{\"labels\":{\"alertname\":\"")
			.append(alertname)
			.append("\",\"service\":\"")
			.append(service)
			.append("\",\"instance\":\"")
			.append(instance)
			.append("\",\"job\":\"")
			.append(job)
			.append("\",\"severity\":\"")
			.append(severity)
			.append("\",\"env\":\"production\",\"region\":\"")
			.append(region)
			.append("\"},\"annotations\":{\"summary\":\"")
			.append(alertname)
			.append(" on ")
			.append(service)
			.append("\",\"description\":\"")
			.append(alertname)
			.append(" has been true for ")
			.append(service)
			.append(" (")
			.append(instance)
			.append(") for more than 5 minutes.\",\"runbook_url\":\"https://runbooks.example.com/")
			.append(slug)
			.append("\"},\"startsAt\":\"@STARTS@\",\"endsAt\":\"@ENDS@\",\"generatorURL\":\"http://prometheus.example.com:9090/graph?g0.expr=")
			.append(alertname)
			.append("\"}");
	}

	private static int bounded(String name, String value, int min, int max) {
		try {
			int parsed = Integer.parseInt(value);
			if (parsed >= min && parsed <= max) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		System.err.println(name + " must be a whole number " + min + ".." + max + ", not " + value);
		System.exit(2);
		return 0;
	}

}
