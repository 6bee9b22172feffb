package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what one flush of an alert group does, with Alertmanager's semantics and no
 * I/O, so every rule can be tested by stepping time:
 * <ul>
 * <li>silenced, suppressed (by maintenance) and inhibited alerts are left out; a muted
 * route (mute or outside active time intervals) notifies nothing;</li>
 * <li>the first notice goes out when something fires; later ones when an alert fires that
 * the receiver was not told about, when an alert it was told about resolved, or, with
 * nothing changed, when the repeat interval has passed since the last notice;</li>
 * <li>a resolved alert is listed once; one that resolved while silenced is listed only
 * when the route sets {@code send_resolved_when_silenced};</li>
 * <li>the group is due again a group interval later, and goes away when nothing in it
 * fires and nothing is left to report.</li>
 * </ul>
 * Flushes run every group interval, so "group_interval passed since the last notice"
 * holds for every change notified after the first.
 */
final class GroupFlush {

	private GroupFlush() {
	}

	/**
	 * A group's remembered state.
	 *
	 * @param notified fingerprints the receiver was told are firing and not yet told
	 * resolved
	 * @param notifiedAt when the last notice went out; null before the first
	 * @param sequence how many notices went out
	 */
	record State(Set<String> notified, Instant notifiedAt, long sequence) {
	}

	/**
	 * What the flush does.
	 *
	 * @param sends whether a notice goes out
	 * @param firing firing alerts the notice lists
	 * @param resolved resolved alerts the notice lists (each once)
	 * @param next the state to store
	 * @param delete whether the group is finished
	 * @param nextFlushAt when the group is due again
	 * @param suppressed why alerts were left out: fingerprint → "silenced by …",
	 * "suppressed by …" or "inhibited by …"
	 * @param mutedBy the time interval muting the route, if any
	 */
	record Decision(boolean sends, List<Alert> firing, List<Alert> resolved, State next, boolean delete,
			Instant nextFlushAt, Map<String, String> suppressed, Optional<String> mutedBy) {
	}

	/** The outbox refuses longer keys. */
	static final int MAX_KEY_LENGTH = 500;

	/**
	 * The idempotency key of one notice to one channel:
	 * {@code <groupKey>/<channel>/<sequence>}, with the group key replaced by its SHA-256
	 * when the whole would be too long (a group by every label can have a long key). The
	 * same decision always gives the same key.
	 */
	static String idempotencyKey(String groupKey, String channel, long sequence) {
		String key = groupKey + "/" + channel + "/" + sequence;
		if (key.length() <= MAX_KEY_LENGTH) {
			return key;
		}
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(groupKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			key = "sha256:" + java.util.HexFormat.of().formatHex(digest) + "/" + channel + "/" + sequence;
			return key.length() <= MAX_KEY_LENGTH ? key
					: key.substring(0, MAX_KEY_LENGTH - String.valueOf(sequence).length() - 1) + "/" + sequence;
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * When a new group is first due: {@code group_wait} from now, or at once when its
	 * first alert started longer than {@code group_wait} ago (as Alertmanager does).
	 */
	static Instant firstFlushAt(Route route, Instant startsAt, Instant now) {
		return startsAt.plus(route.groupWait()).isBefore(now) ? now : now.plus(route.groupWait());
	}

	/**
	 * @param route the group's route
	 * @param remembered what the group remembers
	 * @param members the group's alerts: firing now, or told firing before
	 * @param silences silences (their own times decide whether they are in force)
	 * @param rules inhibition rules
	 * @param firingSources firing alerts that may inhibit members
	 * @param intervals time intervals by name
	 * @param now the moment of the flush
	 */
	static Decision decide(Route route, State remembered, Collection<Alert> members, Collection<Silence> silences,
			List<InhibitRule> rules, Collection<Alert> firingSources, Map<String, TimeInterval> intervals,
			Instant now) {
		return decide(route, remembered, members, silences, AlertSuppressions.of(List.of()), rules, firingSources,
				intervals, now);
	}

	/**
	 * As above; alerts {@code suppressions} name at {@code now} are treated like silenced
	 * ones.
	 */
	static Decision decide(Route route, State remembered, Collection<Alert> members, Collection<Silence> silences,
			AlertSuppressions suppressions, List<InhibitRule> rules, Collection<Alert> firingSources,
			Map<String, TimeInterval> intervals, Instant now) {
		// alerts that no longer belong to the group (its route changed) are forgotten
		Set<String> present = fingerprints(members);
		Set<String> stillHere = new LinkedHashSet<>(remembered.notified());
		stillHere.retainAll(present);
		State state = new State(Set.copyOf(stillHere), remembered.notifiedAt(), remembered.sequence());
		List<Alert> sorted = new ArrayList<>(members);
		sorted.sort(Comparator.comparing(Alert::startsAt).thenComparing(Alert::fingerprint));
		List<Alert> firingNow = sorted.stream().filter(a -> a.firingAt(now)).toList();
		List<Alert> firingSourcesNow = firingSources.stream().filter(a -> a.firingAt(now)).toList();

		Map<String, String> suppressed = new LinkedHashMap<>();
		Set<String> silenced = new LinkedHashSet<>();
		for (Alert alert : sorted) {
			var silence = silences.stream().filter(s -> s.silences(alert.labels(), now)).findFirst();
			if (silence.isPresent()) {
				silenced.add(alert.fingerprint());
				suppressed.put(alert.fingerprint(), "silenced by " + silence.get().id());
				continue;
			}
			var planned = suppressions.suppressedBy(alert.labels(), now);
			if (planned.isPresent()) {
				silenced.add(alert.fingerprint());
				suppressed.put(alert.fingerprint(), "suppressed by " + planned.get());
				continue;
			}
			InhibitRule.inhibitor(rules, alert.labels(), firingSourcesNow)
				.ifPresent(source -> suppressed.put(alert.fingerprint(),
						"inhibited by " + source.name() + " " + source.fingerprint()));
		}

		List<Alert> firing = firingNow.stream().filter(a -> !suppressed.containsKey(a.fingerprint())).toList();
		List<Alert> resolvedTold = sorted.stream()
			.filter(a -> !a.firingAt(now) && state.notified().contains(a.fingerprint()))
			.toList();
		List<Alert> resolved = resolvedTold.stream()
			.filter(a -> !suppressed.containsKey(a.fingerprint())
					|| (silenced.contains(a.fingerprint()) && route.sendResolvedWhenSilenced()))
			.toList();
		Set<String> resolvedFingerprints = fingerprints(resolvedTold);
		Set<String> silencedStillFiring = new LinkedHashSet<>(state.notified());
		silencedStillFiring.retainAll(fingerprints(firingNow));
		silencedStillFiring.retainAll(silenced);

		Instant nextFlush = now.plus(route.groupInterval());
		Optional<String> muted = route.mutedAt(now, intervals);
		if (muted.isPresent()) {
			return new Decision(false, List.of(), List.of(), state, firingNow.isEmpty() && state.notified().isEmpty(),
					nextFlush, suppressed, muted);
		}

		boolean notify;
		if (state.notified().isEmpty() || state.notifiedAt() == null) {
			notify = !firing.isEmpty();
		}
		else {
			boolean newFiring = firing.stream().anyMatch(a -> !state.notified().contains(a.fingerprint()));
			boolean repeatDue = !firing.isEmpty() && !state.notifiedAt().plus(route.repeatInterval()).isAfter(now);
			notify = newFiring || !resolved.isEmpty() || repeatDue;
		}
		State next;
		if (notify) {
			Set<String> told = new LinkedHashSet<>(fingerprints(firing));
			told.addAll(silencedStillFiring);
			next = new State(Set.copyOf(told), now, state.sequence() + 1);
		}
		else {
			Set<String> told = new LinkedHashSet<>(state.notified());
			told.removeAll(resolvedFingerprints);
			next = new State(Set.copyOf(told), state.notifiedAt(), state.sequence());
		}
		boolean delete = firingNow.isEmpty() && next.notified().isEmpty();
		return new Decision(notify, notify ? firing : List.of(), notify ? resolved : List.of(), next, delete, nextFlush,
				suppressed, Optional.empty());
	}

	private static Set<String> fingerprints(Collection<Alert> alerts) {
		Set<String> set = new LinkedHashSet<>();
		alerts.forEach(a -> set.add(a.fingerprint()));
		return set;
	}

}
