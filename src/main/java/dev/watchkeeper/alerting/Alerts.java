package dev.watchkeeper.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives alerts from every source and keeps one per fingerprint, with Alertmanager's
 * semantics: a repeated post refreshes the alert, {@code endsAt} in the past resolves it,
 * an alert without {@code endsAt} ends after the resolve timeout unless refreshed, and a
 * resolved alert that is posted firing again starts a new occurrence.
 */
@Service
public class Alerts {

	private final AlertStore store;

	private final AlertingSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AlertingConfigs configs;

	private final AlertGroups groups;

	private final AlertHistory history;

	Alerts(AlertStore store, AlertingSettings settings, ApplicationEventPublisher events, Clock clock,
			AlertingConfigs configs, AlertGroups groups, AlertHistory history) {
		this.store = store;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.configs = configs;
		this.groups = groups;
		this.history = history;
	}

	/** What a request changed. */
	public record Receipt(int received, int fired, int resolved, List<String> fingerprints) {
	}

	/**
	 * Stores a batch, all or nothing: if any alert is invalid, none is stored and the
	 * problem names each invalid field.
	 * @param source how the batch arrived, e.g. {@code alertmanager-api}
	 */
	@Transactional
	public Receipt receive(List<PostableAlert> alerts, String source) {
		return receive(alerts, source, Map.of());
	}

	/**
	 * Stores a batch like {@link #receive(List, String)}, first giving each alert the
	 * {@code addedLabels} it lacks (an integration key bound to a service adds
	 * {@code service}). A batch of refreshes costs three statements: one takes a lock per
	 * fingerprint, one reads the alerts already stored, one upserts them all; alerts that
	 * start or stop firing add one statement for their groups and one for their history.
	 * @param addedLabels labels added to alerts that do not carry them
	 */
	@Transactional
	public Receipt receive(List<PostableAlert> alerts, String source, Map<String, String> addedLabels) {
		List<PostableAlert> labelled = withAddedLabels(alerts, addedLabels);
		Map<String, String> errors = AlertValidation.check(labelled, settings.maxBatch());
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Incoming> incoming = labelled.stream().map(posted -> incoming(posted, now)).toList();
		Map<String, AlertStore.Stored> current = new HashMap<>(
				store.lockAll(incoming.stream().map(Incoming::fingerprint).distinct().toList()));
		// a fingerprint twice in one batch merges with its earlier occurrence, as it
		// would in two requests
		Map<String, AlertStore.Upsert> latest = new LinkedHashMap<>();
		List<Object> published = new ArrayList<>();
		List<Alert> started = new ArrayList<>();
		List<AlertHistory.Entry> transitions = new ArrayList<>();
		int fired = 0;
		int resolved = 0;
		List<String> fingerprints = new ArrayList<>(incoming.size());
		for (Incoming next : incoming) {
			AlertStore.Stored previous = current.get(next.fingerprint());
			Alert alert = merge(next, previous, source, now);
			current.put(alert.fingerprint(), AlertStore.Stored.of(alert));
			latest.put(alert.fingerprint(), new AlertStore.Upsert(alert, next.explicitEnd()));
			fingerprints.add(alert.fingerprint());
			boolean wasFiring = previous != null && previous.firingAt(now);
			boolean isFiring = alert.firingAt(now);
			if (isFiring && !wasFiring) {
				fired++;
				published.add(new AlertEvents.AlertFired(alert));
				started.add(alert);
				transitions.add(new AlertHistory.Entry(alert.fingerprint(), now, "fired",
						"Started firing (received through " + source + ")"));
			}
			else if (!isFiring && wasFiring) {
				resolved++;
				published.add(new AlertEvents.AlertResolved(alert));
				transitions.add(new AlertHistory.Entry(alert.fingerprint(), now, "resolved",
						"Resolved by its sender at " + alert.endsAt()));
			}
		}
		store.saveAll(latest.values(), now);
		// the groups of newly firing alerts, due after their group_wait, in this
		// transaction: a crash cannot lose the decision to notify
		if (!started.isEmpty()) {
			groups.track(started, configs.current().config().root(), now);
		}
		history.record(transitions);
		published.forEach(events::publishEvent);
		return new Receipt(alerts.size(), fired, resolved, fingerprints);
	}

	private static List<PostableAlert> withAddedLabels(List<PostableAlert> alerts, Map<String, String> added) {
		if (added.isEmpty() || alerts == null) {
			return alerts;
		}
		return alerts.stream().map(posted -> {
			if (posted == null || posted.labels() == null) {
				return posted;
			}
			Map<String, String> labels = new TreeMap<>(posted.labels());
			added.forEach(labels::putIfAbsent);
			return new PostableAlert(labels, posted.annotations(), posted.startsAt(), posted.endsAt(),
					posted.generatorURL());
		}).toList();
	}

	/** The alert's history, newest first. */
	public List<AlertEvent> history(String fingerprint) {
		return history.list(fingerprint, 200);
	}

	/**
	 * The alerts of one aggregation group, by its key (as notices link to it), firing and
	 * resolved; empty when no route of the configuration in force has that key.
	 */
	public List<Alert> inGroup(String groupKey) {
		Route root = configs.current().config().root();
		for (Route route : root.flatten()) {
			if (groupKey == null || !groupKey.startsWith(route.id() + ":")) {
				continue;
			}
			Map<String, String> labels = new TreeMap<>();
			try {
				Matcher.parse(groupKey.substring(route.id().length() + 1))
					.forEach(m -> labels.put(m.name(), m.value()));
			}
			catch (DomainException ex) {
				return List.of();
			}
			return store.list(labels, null, clock.instant(), 1000)
				.stream()
				.filter(a -> route.groupKey(a.labels()).equals(groupKey))
				.filter(a -> root.match(a.labels()).contains(route))
				.toList();
		}
		return List.of();
	}

	public Optional<Alert> find(String fingerprint) {
		return store.find(fingerprint);
	}

	/** Alerts carrying all these labels; {@code firing} null for both states. */
	public List<Alert> list(Map<String, String> labels, Boolean firing, int limit) {
		return store.list(labels, firing, clock.instant(), Math.min(Math.max(limit, 1), 1000));
	}

	/** A posted alert with its identity and times worked out. */
	private record Incoming(String fingerprint, Map<String, String> labels, Map<String, String> annotations,
			Instant startsAt, Instant endsAt, boolean explicitEnd, String generatorUrl) {
	}

	private Incoming incoming(PostableAlert posted, Instant now) {
		Map<String, String> labels = new TreeMap<>(posted.labels());
		Map<String, String> annotations = posted.annotations() == null ? Map.of() : new TreeMap<>(posted.annotations());
		boolean explicitEnd = posted.endsAt() != null;
		Instant startsAt = posted.startsAt() != null ? posted.startsAt().truncatedTo(ChronoUnit.MICROS) : now;
		Instant endsAt = explicitEnd ? posted.endsAt().truncatedTo(ChronoUnit.MICROS)
				: now.plus(settings.resolveTimeout());
		return new Incoming(Fingerprint.of(labels), labels, annotations, startsAt, endsAt, explicitEnd,
				posted.generatorURL());
	}

	/**
	 * The alert after this post: it continues the stored occurrence if that is still
	 * firing or ended no earlier than this one starts, else it is a new occurrence.
	 */
	private Alert merge(Incoming next, AlertStore.Stored previous, String source, Instant now) {
		boolean continues = previous != null && (previous.firingAt(now) || !next.startsAt().isAfter(previous.endsAt()));
		Instant firstStart = continues && previous.startsAt().isBefore(next.startsAt()) ? previous.startsAt()
				: next.startsAt();
		Instant receivedAt = continues ? previous.receivedAt() : now;
		return new Alert(next.fingerprint(), next.labels(), next.annotations(),
				settings.severityOf(next.labels().get("severity")), firstStart, next.endsAt(), next.generatorUrl(),
				source, receivedAt, now);
	}

}
