package dev.watchkeeper.monitoring.metrics.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import dev.watchkeeper.alerting.Alert;
import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.PostableAlert;
import dev.watchkeeper.monitoring.metrics.Periodic;
import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.Metrics;
import dev.watchkeeper.monitoring.metrics.StaleMarker;
import dev.watchkeeper.monitoring.metrics.promql.QueryException;
import dev.watchkeeper.monitoring.metrics.promql.Value;
import dev.watchkeeper.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Evaluates the rule file's groups, each on its own virtual thread every interval, start
 * to start without drift, at the time of the injected clock. Rules of a group run in
 * order, so a recording rule feeds the rules after it. Recording rules and the
 * {@code ALERTS} / {@code ALERTS_FOR_STATE} series are written to the metric store with
 * staleness markers for series that end; alerts go to the alerting module. After a
 * restart, an alert the alerting module still holds as firing from the rules fires again
 * at once, with its original start, instead of waiting for {@code for} anew.
 */
@Component
class RuleEvaluator implements SmartLifecycle {

	static final String SOURCE = "rules";

	static final String DEFAULT_RULES = "monitoring/default-rules.yaml";

	private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluator.class);

	private final Metrics metrics;

	private final Alerts alerts;

	private final Clock clock;

	private final RuleSettings settings;

	private final RuleFileStore store;

	private final ExternalQueries external;

	private final Map<String, GroupRuntime> groups = new LinkedHashMap<>();

	private volatile boolean running;

	private volatile Thread refresher;

	private volatile Instant loadedVersion;

	private volatile String loadError;

	RuleEvaluator(Metrics metrics, Alerts alerts, Clock clock, RuleSettings settings, RuleFileStore store,
			JsonMapper json) {
		this.metrics = metrics;
		this.alerts = alerts;
		this.clock = clock;
		this.settings = settings;
		this.store = store;
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(settings.queryTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		this.external = new ExternalQueries(client, json, settings.queryTimeout());
	}

	/** One rule and what its last evaluation left. */
	static final class RuleRuntime {

		final RuleFile.Rule rule;

		final AlertState alerts;

		Set<Labels> previousSeries = Set.of();

		volatile Instant lastEvaluation;

		volatile double lastSeconds;

		volatile String lastError;

		RuleRuntime(RuleFile.Rule rule) {
			this.rule = rule;
			this.alerts = rule.alerting() ? new AlertState(rule.alert(), rule.forDuration(), rule.keepFiringFor(),
					rule.labels(), rule.annotations()) : null;
		}

	}

	/** One group, its loop and its rules. */
	final class GroupRuntime {

		final RuleFile.Group group;

		final List<RuleRuntime> rules;

		volatile Thread thread;

		volatile boolean stopped;

		boolean restoring = true;

		volatile Instant lastEvaluation;

		volatile double lastSeconds;

		GroupRuntime(RuleFile.Group group, List<RuleRuntime> rules) {
			this.group = group;
			this.rules = rules;
		}

		private void run() {
			Periodic.atFixedRate(group.interval(), (long) group.name().hashCode() * 0x9E3779B97F4A7C15L,
					() -> !stopped && running, () -> evaluate(this, clock.instant()), LOG,
					"Evaluating rule group " + group.name());
		}

	}

	/** Evaluates every rule of a group at {@code ts} and sends what is due. */
	void evaluate(GroupRuntime g, Instant ts) {
		long started = System.nanoTime();
		List<PostableAlert> due = new ArrayList<>();
		Function<Map<String, String>, Optional<Instant>> restore = g.restoring ? this::firingBeforeRestart
				: (labels) -> Optional.empty();
		for (RuleRuntime r : g.rules) {
			long ruleStarted = System.nanoTime();
			try {
				List<AlertState.Result> results = query(g.group, r.rule, ts);
				if (r.alerts == null) {
					record(r, results, ts);
				}
				else {
					r.alerts.eval(results, ts, restore);
					writeAlertSeries(r, ts);
					due.addAll(r.alerts.toSend(ts, g.group.interval(), settings.resendDelay(), generatorUrl(r.rule)));
				}
				r.lastError = null;
			}
			catch (QueryException | ExternalQueries.QueryFailure | AlertState.DuplicateLabelsException
					| DuplicateSeriesException ex) {
				r.lastError = ex.getMessage();
			}
			catch (RuntimeException ex) {
				r.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				LOG.warn("Evaluating rule {} failed", r.rule.name(), ex);
			}
			r.lastEvaluation = ts;
			r.lastSeconds = (System.nanoTime() - ruleStarted) / 1e9;
		}
		if (!due.isEmpty()) {
			try {
				alerts.receive(due, SOURCE);
			}
			catch (RuntimeException ex) {
				LOG.warn("Handing {} alerts of rule group {} to alerting failed; sending again at the next evaluation",
						due.size(), g.group.name(), ex);
				for (RuleRuntime r : g.rules) {
					if (r.alerts != null) {
						r.alerts.unsent(ts);
					}
				}
			}
		}
		g.restoring = false;
		g.lastEvaluation = ts;
		g.lastSeconds = (System.nanoTime() - started) / 1e9;
	}

	private Optional<Instant> firingBeforeRestart(Map<String, String> labels) {
		try {
			for (Alert a : alerts.list(labels, true, 10)) {
				if (a.labels().equals(labels) && SOURCE.equals(a.source())) {
					return Optional.of(a.startsAt());
				}
			}
		}
		catch (RuntimeException ex) {
			LOG.debug("Looking up a firing alert to restore failed", ex);
		}
		return Optional.empty();
	}

	private String generatorUrl(RuleFile.Rule rule) {
		if (settings.generatorUrl().isBlank()) {
			return null;
		}
		return settings.generatorUrl().replaceAll("/+$", "") + "/monitoring/explore?query="
				+ URLEncoder.encode(rule.expr(), StandardCharsets.UTF_8);
	}

	private List<AlertState.Result> query(RuleFile.Group group, RuleFile.Rule rule, Instant ts) {
		if (group.source() != null) {
			return external.query(group.source().url(), rule.expr(), ts);
		}
		Value value = metrics.query(rule.parsed(), ts);
		List<AlertState.Result> out = new ArrayList<>();
		if (value instanceof Value.Vector v) {
			for (Value.Sample s : v.samples()) {
				out.add(new AlertState.Result(s.labels().toMap(), s.value()));
			}
		}
		else if (value instanceof Value.Scalar s) {
			out.add(new AlertState.Result(Map.of(), s.value()));
		}
		else {
			throw new QueryException("rule result is not a vector or scalar");
		}
		return out;
	}

	/** Two results of a recording rule have the same labels once renamed. */
	static final class DuplicateSeriesException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		DuplicateSeriesException() {
			super("vector contains metrics with the same labelset after applying rule labels", null, false, false);
		}

	}

	private void record(RuleRuntime r, List<AlertState.Result> results, Instant ts) {
		Map<Labels, Double> out = new LinkedHashMap<>();
		for (AlertState.Result result : results) {
			TreeMap<String, String> labels = new TreeMap<>(result.labels());
			labels.put(Labels.METRIC_NAME, r.rule.record());
			r.rule.labels().forEach((k, v) -> {
				if (v.isEmpty()) {
					labels.remove(k);
				}
				else {
					labels.put(k, v);
				}
			});
			if (out.put(Labels.of(labels), result.value()) != null) {
				throw new DuplicateSeriesException();
			}
		}
		write(r, out, ts);
	}

	private void writeAlertSeries(RuleRuntime r, Instant ts) {
		Map<Labels, Double> out = new LinkedHashMap<>();
		for (AlertState.Active a : r.alerts.current()) {
			TreeMap<String, String> labels = new TreeMap<>(a.labels());
			labels.put(Labels.METRIC_NAME, "ALERTS");
			labels.put("alertstate", a.state().label());
			out.put(Labels.of(labels), 1.0);
			labels.remove("alertstate");
			labels.put(Labels.METRIC_NAME, "ALERTS_FOR_STATE");
			out.put(Labels.of(labels), a.activeAt().toEpochMilli() / 1000.0);
		}
		write(r, out, ts);
	}

	private void write(RuleRuntime r, Map<Labels, Double> series, Instant ts) {
		long t = ts.toEpochMilli();
		for (var e : series.entrySet()) {
			metrics.append(e.getKey(), t, e.getValue());
		}
		for (Labels gone : r.previousSeries) {
			if (!series.containsKey(gone)) {
				metrics.append(gone, t, StaleMarker.VALUE);
			}
		}
		r.previousSeries = new HashSet<>(series.keySet());
	}

	/** The rule file in force: the stored one, else the shipped one. */
	RuleFile current() {
		Optional<RuleFileStore.Stored> stored = store.find();
		return RuleFileParser.parse(stored.map(RuleFileStore.Stored::content).orElseGet(RuleEvaluator::shipped),
				settings.evaluationInterval());
	}

	static String shipped() {
		try (InputStream in = new ClassPathResource(DEFAULT_RULES).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Loads the rule file in force if it changed, keeping the state of unchanged rules.
	 */
	synchronized void reload() {
		if (!running) {
			return;
		}
		Optional<RuleFileStore.Stored> stored = store.find();
		Instant version = stored.map(RuleFileStore.Stored::updatedAt).orElse(Instant.EPOCH);
		if (version.equals(loadedVersion)) {
			return;
		}
		RuleFile file;
		try {
			file = RuleFileParser.parse(stored.map(RuleFileStore.Stored::content).orElseGet(RuleEvaluator::shipped),
					settings.evaluationInterval());
			loadError = null;
		}
		catch (DomainException ex) {
			loadError = ex.getMessage() + " " + ex.fieldErrors();
			LOG.error("The stored rule file is not valid, the rules in force stay: {}", loadError);
			loadedVersion = version;
			return;
		}
		apply(file);
		loadedVersion = version;
	}

	private void apply(RuleFile file) {
		Map<String, GroupRuntime> next = new LinkedHashMap<>();
		for (RuleFile.Group group : file.groups()) {
			GroupRuntime old = groups.get(group.name());
			if (old != null && old.group.equals(group)) {
				next.put(group.name(), old);
				continue;
			}
			List<RuleRuntime> rules = new ArrayList<>();
			for (int i = 0; i < group.rules().size(); i++) {
				RuleFile.Rule rule = group.rules().get(i);
				RuleRuntime kept = null;
				if (old != null && i < old.rules.size() && same(old.rules.get(i).rule, rule)) {
					kept = old.rules.get(i);
				}
				rules.add(kept != null ? kept : new RuleRuntime(rule));
			}
			next.put(group.name(), new GroupRuntime(group, List.copyOf(rules)));
		}
		for (var e : groups.entrySet()) {
			GroupRuntime g = e.getValue();
			if (next.get(e.getKey()) != g) {
				g.stopped = true;
				Thread t = g.thread;
				if (t != null) {
					LockSupport.unpark(t);
				}
			}
		}
		Map<String, GroupRuntime> previous = new LinkedHashMap<>(groups);
		groups.clear();
		groups.putAll(next);
		for (GroupRuntime g : next.values()) {
			if (previous.get(g.group.name()) != g) {
				g.thread = Thread.ofVirtual().name("rules-" + g.group.name()).start(g::run);
			}
		}
	}

	private static boolean same(RuleFile.Rule a, RuleFile.Rule b) {
		return Objects.equals(a.alert(), b.alert()) && Objects.equals(a.record(), b.record())
				&& a.expr().equals(b.expr()) && a.forDuration().equals(b.forDuration())
				&& a.keepFiringFor().equals(b.keepFiringFor()) && a.labels().equals(b.labels())
				&& a.annotations().equals(b.annotations());
	}

	synchronized List<GroupRuntime> groups() {
		return List.copyOf(groups.values());
	}

	String loadError() {
		return loadError;
	}

	@Override
	public void start() {
		if (!settings.enabled()) {
			return;
		}
		running = true;
		reload();
		refresher = Periodic.refresher("rules-refresh", settings.refreshInterval(), () -> running, this::reload, LOG,
				"Reloading the rule file");
	}

	@Override
	public synchronized void stop() {
		running = false;
		Thread r = refresher;
		if (r != null) {
			LockSupport.unpark(r);
		}
		for (GroupRuntime g : groups.values()) {
			g.stopped = true;
			Thread t = g.thread;
			if (t != null) {
				LockSupport.unpark(t);
			}
		}
		groups.clear();
		loadedVersion = null;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

}
