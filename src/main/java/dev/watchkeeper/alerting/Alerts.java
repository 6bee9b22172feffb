package dev.watchkeeper.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
		Map<String, String> errors = AlertValidation.check(alerts, settings.maxBatch());
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		int fired = 0;
		int resolved = 0;
		List<String> fingerprints = new ArrayList<>();
		List<Alert> started = new ArrayList<>();
		List<AlertHistory.Entry> transitions = new ArrayList<>();
		Map<String, Alert> known = new java.util.HashMap<>(store.lockAll(alerts.stream()
			.map(posted -> Fingerprint.of(new TreeMap<>(posted.labels())))
			.distinct()
			.sorted()
			.toList()));
		Map<String, AlertStore.Row> rows = new java.util.LinkedHashMap<>();
		for (PostableAlert posted : alerts) {
			var outcome = merge(posted, source, now, known);
			known.put(outcome.alert().fingerprint(), outcome.alert());
			rows.put(outcome.alert().fingerprint(), new AlertStore.Row(outcome.alert(), posted.endsAt() != null));
			fingerprints.add(outcome.alert().fingerprint());
			if (outcome.transition() == Transition.FIRED) {
				fired++;
				started.add(outcome.alert());
				transitions.add(new AlertHistory.Entry(outcome.alert().fingerprint(), now, "fired",
						"Started firing (received through " + source + ")"));
				events.publishEvent(new AlertEvents.AlertFired(outcome.alert()));
			}
			else if (outcome.transition() == Transition.RESOLVED) {
				resolved++;
				transitions.add(new AlertHistory.Entry(outcome.alert().fingerprint(), now, "resolved",
						"Resolved by its sender at " + outcome.alert().endsAt()));
				events.publishEvent(new AlertEvents.AlertResolved(outcome.alert()));
			}
		}
		store.saveAll(List.copyOf(rows.values()));
		if (!started.isEmpty()) {
			groups.track(started, configs.current().config().root(), now);
		}
		history.record(transitions);
		return new Receipt(alerts.size(), fired, resolved, fingerprints);
	}

	public Optional<Alert> find(String fingerprint) {
		return store.find(fingerprint);
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

	/** Alerts carrying all these labels; {@code firing} null for both states. */
	public List<Alert> list(Map<String, String> labels, Boolean firing, int limit) {
		return store.list(labels, firing, clock.instant(), Math.min(Math.max(limit, 1), 1000));
	}

	private enum Transition {

		FIRED, RESOLVED, NONE

	}

	private record Outcome(Alert alert, Transition transition) {
	}

	/**
	 * Merges one posted alert into what is known (the locked rows and the batch so far),
	 * so a batch gives the same result as posting its alerts one by one.
	 */
	private Outcome merge(PostableAlert posted, String source, Instant now, Map<String, Alert> known) {
		Map<String, String> labels = new TreeMap<>(posted.labels());
		Map<String, String> annotations = posted.annotations() == null ? Map.of() : new TreeMap<>(posted.annotations());
		String fingerprint = Fingerprint.of(labels);
		boolean explicitEnd = posted.endsAt() != null;
		Instant startsAt = posted.startsAt() != null ? posted.startsAt().truncatedTo(ChronoUnit.MICROS) : now;
		Instant endsAt = explicitEnd ? posted.endsAt().truncatedTo(ChronoUnit.MICROS)
				: now.plus(settings.resolveTimeout());
		Optional<Alert> existing = Optional.ofNullable(known.get(fingerprint));
		boolean wasFiring = existing.map(a -> a.firingAt(now)).orElse(false);
		boolean continues = existing.isPresent() && (wasFiring || !startsAt.isAfter(existing.get().endsAt()));
		Instant firstStart = continues && existing.get().startsAt().isBefore(startsAt) ? existing.get().startsAt()
				: startsAt;
		Instant receivedAt = continues ? existing.get().receivedAt() : now;
		var alert = new Alert(fingerprint, labels, annotations, settings.severityOf(labels.get("severity")), firstStart,
				endsAt, posted.generatorURL(), source, receivedAt, now);
		boolean isFiring = alert.firingAt(now);
		Transition transition = isFiring && !wasFiring ? Transition.FIRED
				: !isFiring && wasFiring ? Transition.RESOLVED : Transition.NONE;
		return new Outcome(alert, transition);
	}

}
