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

	private final Clock clock;

	private final AlertingConfigs configs;

	private final AlertHistory history;

	private final AlertIntake intake;

	private final IntakeWriter writer;

	private final AlertGroups groups;

	Alerts(AlertStore store, Clock clock, AlertingConfigs configs, AlertHistory history, AlertIntake intake,
			IntakeWriter writer, AlertGroups groups) {
		this.groups = groups;
		this.store = store;
		this.clock = clock;
		this.configs = configs;
		this.history = history;
		this.intake = intake;
		this.writer = writer;
	}

	/** What a request changed. */
	public record Receipt(int received, int fired, int resolved, List<String> fingerprints) {
	}

	/**
	 * Stores a batch in the caller's transaction, all or nothing: if any alert is
	 * invalid, none is stored and the problem names each invalid field.
	 * @param source how the batch arrived, e.g. {@code watchkeeper}
	 */
	@Transactional
	public Receipt receive(List<PostableAlert> alerts, String source) {
		return receive(alerts, source, Map.of());
	}

	/**
	 * Stores a batch like {@link #receive(List, String)}, first giving each alert the
	 * {@code addedLabels} it lacks (an integration key bound to a service adds
	 * {@code service}).
	 * @param addedLabels labels added to alerts that do not carry them
	 */
	@Transactional
	public Receipt receive(List<PostableAlert> alerts, String source, Map<String, String> addedLabels) {
		return intake.store(List.of(intake.prepare(alerts, source, addedLabels))).get(0);
	}

	/**
	 * Stores a posted request durably in its own transaction and answers once it is
	 * committed: validated here, all or nothing, then written together with the requests
	 * that arrive meanwhile (see {@link IntakeWriter}). For senders over HTTP; producers
	 * inside a transaction use {@link #receive(List, String, Map)}.
	 */
	public Receipt intake(List<PostableAlert> alerts, String source, Map<String, String> addedLabels) {
		return writer.write(intake.prepare(alerts, source, addedLabels));
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

	/**
	 * Makes the aggregation groups of the alerts firing now whose label {@code label} has
	 * one of {@code values} due at once, so that alerts kept back (by a maintenance
	 * window that just ended) are decided on and notified now rather than a group
	 * interval later. Groups of other alerts are not touched.
	 * @param label a label name, e.g. {@code service}
	 * @param values the values, e.g. the affected services' slugs
	 * @return how many groups were made due
	 */
	@Transactional
	public int releaseGroups(String label, java.util.Collection<String> values) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Alert> firing = new ArrayList<>();
		for (String value : new java.util.TreeSet<>(values)) {
			firing.addAll(store.firingWith(Map.of(label, value), now));
		}
		return groups.makeDue(firing, configs.current().config().root(), now);
	}

	public Optional<Alert> find(String fingerprint) {
		return store.find(fingerprint);
	}

	/** Alerts carrying all these labels; {@code firing} null for both states. */
	public List<Alert> list(Map<String, String> labels, Boolean firing, int limit) {
		return store.list(labels, firing, clock.instant(), Math.min(Math.max(limit, 1), 1000));
	}

}
