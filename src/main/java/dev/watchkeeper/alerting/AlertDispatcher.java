package dev.watchkeeper.alerting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Locale;
import java.util.TreeMap;

import dev.watchkeeper.notification.Notice;
import dev.watchkeeper.notification.NoticeAlert;
import dev.watchkeeper.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flushes due alert groups: claims one at a time with {@code FOR UPDATE SKIP LOCKED} (so
 * several nodes share the work), lets {@link GroupFlush} decide, and writes the notice to
 * the notification outbox for each of the receiver's channels in the same transaction
 * that advances the group. A crash before commit repeats the same idempotency key
 * ({@code <groupKey>/<channel>/<sequence>}), so a retried decision is not a second page.
 */
@Component
class AlertDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

	private final AlertGroupStore groups;

	private final AlertStore alerts;

	private final AlertingConfigs configs;

	private final Silences silences;

	private final Notifications notifications;

	private final AlertHistory history;

	private final DispatchSignal signal;

	private final DispatchSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String externalUrl;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<AlertSuppressions> suppressions;

	private final IntakeWriter intake;

	private static final Duration RETRY_FAILED = Duration.ofMinutes(1);

	/**
	 * The longest pause between two group flushes while posted alerts wait for their
	 * write: a burst of large groups falling due together must not hold up intake, whose
	 * senders wait for their answer, while a notice can afford a few milliseconds.
	 */
	static final Duration YIELD_TO_INTAKE = Duration.ofMillis(20);

	private volatile boolean running;

	/** The group the current flush claimed, to put it back if the flush fails. */
	private volatile String claimedKey;

	private Thread thread;

	AlertDispatcher(AlertGroupStore groups, AlertStore alerts, AlertingConfigs configs, Silences silences,
			Notifications notifications, AlertHistory history, DispatchSignal signal, DispatchSettings settings,
			TransactionTemplate transactions, Clock clock,
			@Value("${watchkeeper.notification.external-url:http://localhost:8000}") String externalUrl,
			ApplicationEventPublisher events, ObjectProvider<AlertSuppressions> suppressions, IntakeWriter intake) {
		this.events = events;
		this.intake = intake;
		this.suppressions = suppressions;
		this.groups = groups;
		this.alerts = alerts;
		this.configs = configs;
		this.silences = silences;
		this.notifications = notifications;
		this.history = history;
		this.signal = signal;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
		this.externalUrl = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
	}

	@Override
	public synchronized void start() {
		running = true;
		thread = Thread.ofPlatform().name("alert-dispatcher").daemon().start(this::loop);
	}

	@Override
	public synchronized void stop() {
		running = false;
		signal.wake();
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			try {
				flushDue();
			}
			catch (RuntimeException ex) {
				log.warn("Flushing alert groups failed; trying again at the next poll", ex);
			}
			try {
				signal.await(settings.pollInterval());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Flushes due groups, each in its own transaction; returns how many. A group whose
	 * flush fails is put back a minute later, so it cannot hold up the others.
	 */
	int flushDue() {
		int flushed = 0;
		Pass pass = new Pass();
		while (running && flushed < settings.batch()) {
			claimedKey = null;
			try {
				if (!Boolean.TRUE.equals(transactions.execute(s -> flushOne(pass)))) {
					break;
				}
			}
			catch (RuntimeException ex) {
				String key = claimedKey;
				if (key == null) {
					throw ex;
				}
				log.warn("Flushing alert group {} failed; trying it again in a minute", key, ex);
				transactions.executeWithoutResult(s -> groups.postpone(key, clock.instant().plus(RETRY_FAILED)));
			}
			flushed++;
			yieldToIntake();
		}
		return flushed;
	}

	/** Waits up to {@link #YIELD_TO_INTAKE} while posted alerts wait for a writer. */
	private void yieldToIntake() {
		try {
			intake.awaitDrained(YIELD_TO_INTAKE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	boolean flushOne() {
		return flushOne(new Pass());
	}

	/**
	 * What the flushes of one pass share, read when the pass first claims a group (most
	 * wake-ups find none due) and then kept for the pass: GroupFlush checks each
	 * silence's own times.
	 */
	private final class Pass {

		private List<Silence> silences;

		private AlertSuppressions planned;

		private Set<String> channels;

		List<Silence> silences() {
			if (silences == null) {
				silences = AlertDispatcher.this.silences.active();
			}
			return silences;
		}

		AlertSuppressions planned() {
			if (planned == null) {
				planned = AlertDispatcher.this.planned();
			}
			return planned;
		}

		Set<String> channels() {
			if (channels == null) {
				channels = knownChannels();
			}
			return channels;
		}

	}

	/** Every suppression other modules provide (planned maintenance). */
	private AlertSuppressions planned() {
		return AlertSuppressions.of(suppressions.orderedStream().toList());
	}

	/** Channel names in lower case: names are unique whatever their case. */
	private Set<String> knownChannels() {
		return notifications.channelNames()
			.stream()
			.map(name -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	private boolean flushOne(Pass pass) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var claimed = groups.claimDue(now);
		if (claimed.isEmpty()) {
			return false;
		}
		var group = claimed.get();
		claimedKey = group.key();
		AlertingConfig config = configs.current().config();
		var found = config.root().find(group.routeId());
		if (found.isEmpty()) {
			log.info("Alert group {} belongs to a route that no longer exists; dropping it", group.key());
			groups.delete(group.key());
			return true;
		}
		Route route = found.get();
		List<Alert> members = alerts.groupCandidates(group.labels(), group.state().notified(), now)
			.stream()
			.filter(a -> route.groupKey(a.labels()).equals(group.key()))
			.filter(a -> config.root().match(a.labels()).stream().anyMatch(r -> r.id().equals(route.id())))
			.toList();
		List<Alert> sources = new ArrayList<>();
		for (InhibitRule rule : config.inhibitRules()) {
			if (members.stream().anyMatch(a -> rule.isTarget(a.labels()))) {
				sources.addAll(alerts.firingWith(sourceSearch(rule, group.labels()), now));
			}
		}
		var decision = GroupFlush.decide(route, group.state(), members, pass.silences(), pass.planned(),
				config.inhibitRules(), sources, config.intervals(), now);
		List<AlertHistory.Entry> entries = new ArrayList<>();
		// no event marks an alert that was not refreshed: its history learns it here
		members.stream()
			.filter(a -> !a.firingAt(now) && group.state().notified().contains(a.fingerprint())
					&& !decision.next().notified().contains(a.fingerprint()) && a.endsAt().isAfter(a.updatedAt()))
			.forEach(a -> entries.add(new AlertHistory.Entry(a.fingerprint(), now, "resolved",
					"Resolved at " + a.endsAt() + ": not refreshed within the resolve timeout")));
		if (decision.sends()) {
			entries.addAll(notify(group, route, config, decision, pass.channels(), now));
		}
		if (decision.sends() || group.lastFlushAt() == null) {
			decision.suppressed()
				.forEach((fingerprint, why) -> entries.add(new AlertHistory.Entry(fingerprint, now, kind(why),
						"Left out of notices to " + route.receiver() + ": " + why)));
		}
		history.record(entries);
		if (decision.delete()) {
			groups.delete(group.key());
		}
		else {
			groups.update(group.key(), route.receiver(), decision.next(), now, decision.nextFlushAt());
		}
		return true;
	}

	private static String kind(String why) {
		if (why.startsWith("silenced")) {
			return "silenced";
		}
		return why.startsWith("suppressed") ? "suppressed" : "inhibited";
	}

	private List<AlertHistory.Entry> notify(AlertGroupStore.Group group, Route route, AlertingConfig config,
			GroupFlush.Decision decision, Set<String> channels, Instant now) {
		long sequence = decision.next().sequence();
		Notice notice = notice(group, route, decision);
		List<String> sent = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String channel : config.receiver(route.receiver()).channels()) {
			if (!channels.contains(channel.toLowerCase(Locale.ROOT))) {
				missing.add(channel);
				continue;
			}
			String key = GroupFlush.idempotencyKey(group.key(), channel, sequence);
			if (notifications.enqueue(channel, notice, key)) {
				sent.add(channel + " (" + key + ")");
			}
			else {
				sent.add(channel + " (" + key + ", skipped by the channel)");
			}
		}
		if (!missing.isEmpty()) {
			log.warn("Receiver {} names channels that no longer exist: {}", route.receiver(), missing);
		}
		AlertingConfig.Receiver receiver = config.receiver(route.receiver());
		if (receiver.incident()) {
			events.publishEvent(new AlertEvents.AlertGroupEscalated(group.key(), route.receiver(), notice.status(),
					AlertEvents.AlertGroupEscalated
						.highest(decision.firing().isEmpty() ? decision.resolved() : decision.firing()),
					group.labels(), notice.commonLabels(), notice.commonAnnotations(),
					decision.firing().stream().map(AlertEvents.GroupAlert::of).toList(),
					decision.resolved().stream().map(AlertEvents.GroupAlert::of).toList(), notice.link(), sequence,
					now));
			sent.add("the group's incident");
		}
		String how = sent.isEmpty() ? "nothing was sent: the receiver has no channels"
				: "via " + String.join(", ", sent);
		if (!missing.isEmpty()) {
			how += "; missing channels " + String.join(", ", missing);
		}
		String detail = "Notice #" + sequence + " (" + notice.status() + ") to receiver " + route.receiver() + ", "
				+ how;
		// an alert's history notes the notice that first told the receiver it fires and
		// the
		// one that told it resolved; repeats of a large group would otherwise add a row
		// for
		// every member on every flush (the delivery log has each notice)
		List<AlertHistory.Entry> entries = new ArrayList<>();
		decision.firing()
			.stream()
			.filter(a -> !group.state().notified().contains(a.fingerprint()))
			.forEach(a -> entries.add(new AlertHistory.Entry(a.fingerprint(), now, "notified", "Firing in " + detail)));
		decision.resolved()
			.forEach(a -> entries
				.add(new AlertHistory.Entry(a.fingerprint(), now, "notified", "Resolved in " + detail)));
		return entries;
	}

	Notice notice(AlertGroupStore.Group group, Route route, GroupFlush.Decision decision) {
		List<Alert> all = new ArrayList<>(decision.firing());
		all.addAll(decision.resolved());
		List<NoticeAlert> items = new ArrayList<>();
		decision.firing()
			.forEach(a -> items.add(new NoticeAlert(a.fingerprint(), "firing", a.labels(), a.annotations(),
					a.startsAt(), null, a.generatorUrl())));
		decision.resolved()
			.forEach(a -> items.add(new NoticeAlert(a.fingerprint(), "resolved", a.labels(), a.annotations(),
					a.startsAt(), a.endsAt(), a.generatorUrl())));
		String status = decision.firing().isEmpty() ? "resolved" : "firing";
		return new Notice(group.key(), route.receiver(), status, group.labels(),
				common(all.stream().map(Alert::labels).toList()), common(all.stream().map(Alert::annotations).toList()),
				items, link(group.key()));
	}

	/** The alert list showing the group's alerts. */
	String link(String groupKey) {
		return externalUrl + "/alerts?group=" + URLEncoder.encode(groupKey, StandardCharsets.UTF_8) + "&state=all";
	}

	static Map<String, String> common(List<Map<String, String>> maps) {
		if (maps.isEmpty()) {
			return Map.of();
		}
		Map<String, String> common = new LinkedHashMap<>(maps.get(0));
		for (Map<String, String> map : maps.subList(1, maps.size())) {
			common.entrySet().removeIf(e -> !Objects.equals(map.get(e.getKey()), e.getValue()));
		}
		return Map.copyOf(common);
	}

	/**
	 * The label equalities every source that could inhibit a member of this group has:
	 * the rule's own, and for each of its {@code equal} labels that is a group label, the
	 * group's value (every member carries it, and a source must agree with its target).
	 * Without these, a rule whose source matchers are all regular expressions would read
	 * every firing alert on every flush.
	 */
	static Map<String, String> sourceSearch(InhibitRule rule, Map<String, String> groupLabels) {
		Map<String, String> search = new TreeMap<>(rule.sourceEqualities());
		for (String name : rule.equal()) {
			String value = groupLabels.get(name);
			if (value != null && !value.isEmpty()) {
				search.putIfAbsent(name, value);
			}
		}
		return search;
	}

}
