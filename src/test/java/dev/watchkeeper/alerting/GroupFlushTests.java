package dev.watchkeeper.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grouping, silences, inhibition and time intervals, stepping time through a group's
 * flushes as the dispatcher would.
 */
class GroupFlushTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z"); // a Monday

	private static AlertingConfig config(String routeExtras, String extra) {
		return AlertingConfig.parse(ConfigDocument.read("""
				receivers: [{name: team}]
				route:
				  receiver: team
				  group_by: [alertname, service]
				  group_wait: 30s
				  group_interval: 5m
				  repeat_interval: 1h
				  routes:
				    - matchers: ['alertname=~".+"']
				""" + routeExtras.indent(6) + extra), name -> true);
	}

	private static Alert alert(String name, String service, Instant startsAt, Instant endsAt, String... more) {
		Map<String, String> labels = new TreeMap<>(Map.of("alertname", name, "service", service));
		for (int i = 0; i + 1 < more.length; i += 2) {
			labels.put(more[i], more[i + 1]);
		}
		return new Alert(Fingerprint.of(labels), labels, Map.of(), "high", startsAt, endsAt, null, "api", startsAt,
				startsAt);
	}

	private static Alert firing(String name, String service, Instant startsAt, String... more) {
		return alert(name, service, startsAt, startsAt.plus(Duration.ofDays(365)), more);
	}

	/** One group stepped through its flushes. */
	private static final class Group {

		final Route route;

		final AlertingConfig config;

		GroupFlush.State state = new GroupFlush.State(Set.of(), null, 0);

		Instant nextFlush;

		final List<Alert> alerts = new ArrayList<>();

		final List<Silence> silences = new ArrayList<>();

		final List<Alert> others = new ArrayList<>();

		AlertSuppressions suppressions = AlertSuppressions.of(List.of());

		boolean deleted;

		Group(AlertingConfig config, Alert first, Instant now) {
			this.config = config;
			this.route = config.root().match(first.labels()).get(0);
			this.alerts.add(first);
			this.nextFlush = GroupFlush.firstFlushAt(route, first.startsAt(), now);
		}

		GroupFlush.Decision flush() {
			List<Alert> sources = new ArrayList<>(alerts);
			sources.addAll(others);
			var decision = GroupFlush.decide(route, state, alerts, silences, suppressions, config.inhibitRules(),
					sources, config.intervals(), nextFlush);
			state = decision.next();
			deleted = decision.delete();
			nextFlush = decision.nextFlushAt();
			return decision;
		}

		void replace(Alert updated) {
			alerts.removeIf(a -> a.fingerprint().equals(updated.fingerprint()));
			alerts.add(updated);
		}

	}

	private static List<String> names(List<Alert> alerts) {
		return alerts.stream().map(a -> a.labels().get("instance")).toList();
	}

	@Test
	void theFirstNoticeWaitsForGroupWaitAndListsEveryAlertThatArrivedMeanwhile() {
		var group = new Group(config("", ""), firing("HighErrorRate", "checkout", T0, "instance", "a"), T0);
		assertThat(group.nextFlush).isEqualTo(T0.plusSeconds(30));
		group.alerts.add(firing("HighErrorRate", "checkout", T0.plusSeconds(10), "instance", "b"));

		var first = group.flush();

		assertThat(first.sends()).isTrue();
		assertThat(names(first.firing())).containsExactly("a", "b");
		assertThat(first.next().sequence()).isEqualTo(1);
		assertThat(group.nextFlush).isEqualTo(T0.plusSeconds(30).plus(Duration.ofMinutes(5)));
	}

	@Test
	void anAlertThatStartedLongerThanGroupWaitAgoIsNotifiedAtOnce() {
		var old = firing("HighErrorRate", "checkout", T0.minusSeconds(120), "instance", "a");
		var group = new Group(config("", ""), old, T0);
		assertThat(group.nextFlush).isEqualTo(T0);
	}

	@Test
	void aNewAlertIsNotifiedAtTheNextGroupIntervalAndAnUnchangedGroupOnlyAfterTheRepeatInterval() {
		var group = new Group(config("", ""), firing("HighErrorRate", "checkout", T0, "instance", "a"), T0);
		assertThat(group.flush().sends()).isTrue();
		group.alerts.add(firing("HighErrorRate", "checkout", T0.plusSeconds(60), "instance", "b"));

		var second = group.flush();
		assertThat(second.sends()).as("5 minutes after the first notice").isTrue();
		assertThat(names(second.firing())).containsExactly("a", "b");

		int quiet = 0;
		GroupFlush.Decision decision = group.flush();
		while (!decision.sends() && quiet < 100) {
			quiet++;
			decision = group.flush();
		}
		// notified at 10:05:30; flushes every 5 minutes; the first at or after 11:05:30
		// repeats
		assertThat(quiet).isEqualTo(11);
		assertThat(group.state.notifiedAt()).isEqualTo(T0.plusSeconds(30).plus(Duration.ofMinutes(65)));
		assertThat(decision.next().sequence()).isEqualTo(3);
	}

	@Test
	void aResolvedAlertIsListedOnceAndTheGroupEndsWhenNothingIsLeft() {
		var a = firing("HighErrorRate", "checkout", T0, "instance", "a");
		var group = new Group(config("", ""), a, T0);
		group.alerts.add(firing("HighErrorRate", "checkout", T0, "instance", "b"));
		group.flush();
		group.replace(alert("HighErrorRate", "checkout", T0, T0.plusSeconds(100), "instance", "a"));

		var second = group.flush();
		assertThat(second.sends()).isTrue();
		assertThat(names(second.firing())).containsExactly("b");
		assertThat(names(second.resolved())).containsExactly("a");

		var third = group.flush();
		assertThat(third.sends()).as("nothing changed").isFalse();
		group.replace(alert("HighErrorRate", "checkout", T0, T0.plusSeconds(700), "instance", "b"));
		var fourth = group.flush();
		assertThat(fourth.sends()).isTrue();
		assertThat(fourth.firing()).isEmpty();
		assertThat(names(fourth.resolved())).containsExactly("b");
		assertThat(fourth.delete()).isTrue();
	}

	@Test
	void anAlertOfAServiceUnderMaintenanceIsKeptOutOfNoticesUntilTheWindowEndsThenNotified() {
		Instant windowEnd = T0.plus(Duration.ofMinutes(20));
		var group = new Group(config("", ""), firing("HighErrorRate", "checkout", T0, "instance", "a"), T0);
		group.suppressions = (labels, at) -> "checkout".equals(labels.get("service")) && at.isBefore(windowEnd)
				? java.util.Optional.of("maintenance \"Database upgrade\"") : java.util.Optional.empty();

		var during = group.flush();
		assertThat(during.sends()).isFalse();
		assertThat(during.delete()).as("kept, never dropped").isFalse();
		assertThat(during.suppressed()).containsValue("suppressed by maintenance \"Database upgrade\"");

		GroupFlush.Decision decision = during;
		int flushes = 0;
		while (!decision.sends() && flushes < 20) {
			flushes++;
			decision = group.flush();
		}
		assertThat(decision.sends()).isTrue();
		assertThat(names(decision.firing())).containsExactly("a");
		assertThat(group.state.notifiedAt()).isAfterOrEqualTo(windowEnd);
	}

	@Test
	void maintenanceOfOneServiceLeavesAnotherServicesAlertsAlone() {
		var group = new Group(config("", ""), firing("HighErrorRate", "payments", T0, "instance", "a"), T0);
		group.suppressions = (labels, at) -> "checkout".equals(labels.get("service"))
				? java.util.Optional.of("maintenance") : java.util.Optional.empty();

		var first = group.flush();

		assertThat(first.sends()).isTrue();
		assertThat(first.suppressed()).isEmpty();
	}

	@Test
	void anAlertThatTimesOutWithoutAnyEventIsFoundResolvedByTheFlush() {
		// posted without endsAt: it ends at the resolve timeout unless refreshed
		var group = new Group(config("", ""),
				alert("HighErrorRate", "checkout", T0, T0.plus(Duration.ofMinutes(5)), "instance", "a"), T0);
		assertThat(group.flush().firing()).hasSize(1);
		var next = group.flush(); // 10:05:30, after the timeout at 10:05
		assertThat(next.sends()).isTrue();
		assertThat(next.firing()).isEmpty();
		assertThat(names(next.resolved())).containsExactly("a");
		assertThat(next.delete()).isTrue();
	}

	@Test
	void anAlertThatFiresAndResolvesBeforeTheFirstFlushSaysNothing() {
		var group = new Group(config("", ""),
				alert("HighErrorRate", "checkout", T0, T0.plusSeconds(10), "instance", "a"), T0);
		var flush = group.flush();
		assertThat(flush.sends()).isFalse();
		assertThat(flush.delete()).isTrue();
	}

	private static Silence silence(Instant start, Instant end, Matcher... matchers) {
		return new Silence(UUID.randomUUID(), List.of(matchers), start, end, "someone", "testing", start);
	}

	@Test
	void silencedAlertsAreNotNotifiedUntilTheSilenceEnds() {
		var group = new Group(config("", ""), firing("HighErrorRate", "checkout", T0, "instance", "a"), T0);
		var silence = silence(T0, T0.plus(Duration.ofMinutes(20)), new Matcher("instance", "=", "a"));
		group.silences.add(silence);

		var first = group.flush();
		assertThat(first.sends()).isFalse();
		assertThat(first.suppressed()).containsEntry(group.alerts.get(0).fingerprint(), "silenced by " + silence.id());
		assertThat(first.delete()).as("a firing alert keeps its group").isFalse();

		var flushes = 0;
		GroupFlush.Decision decision = group.flush();
		while (!decision.sends() && flushes < 10) {
			flushes++;
			decision = group.flush();
		}
		assertThat(group.state.notifiedAt()).as("the first flush after the silence ended at 10:20")
			.isEqualTo(T0.plusSeconds(30).plus(Duration.ofMinutes(20)));
	}

	@Test
	void anAlertResolvingWhileSilencedSaysNothingUnlessTheRouteAsks() {
		for (boolean asks : List.of(false, true)) {
			var group = new Group(config("send_resolved_when_silenced: " + asks, ""),
					firing("HighErrorRate", "checkout", T0, "instance", "a"), T0);
			assertThat(group.flush().sends()).isTrue();
			group.silences.add(
					silence(T0.plusSeconds(60), T0.plus(Duration.ofHours(2)), new Matcher("service", "=", "checkout")));
			assertThat(group.flush().sends()).as("silenced: no repeat").isFalse();
			group.replace(alert("HighErrorRate", "checkout", T0, T0.plus(Duration.ofMinutes(7)), "instance", "a"));

			var resolved = group.flush();
			assertThat(resolved.sends()).as("send_resolved_when_silenced: " + asks).isEqualTo(asks);
			assertThat(resolved.resolved()).hasSize(asks ? 1 : 0);
			assertThat(resolved.delete()).isTrue();
		}
	}

	private static final String INHIBIT = """
			inhibit_rules:
			  - source_matchers: ['alertname="DatabaseUnavailable"']
			    target_matchers: ['alertname="HighErrorRate"']
			    equal: [service]
			""";

	@Test
	void aFiringSourceInhibitsTargetsThatAgreeOnTheEqualLabels() {
		var config = config("", INHIBIT);
		var group = new Group(config, firing("HighErrorRate", "checkout", T0, "instance", "a"), T0);
		var database = firing("DatabaseUnavailable", "checkout", T0);
		group.others.add(database);
		var first = group.flush();
		assertThat(first.sends()).isFalse();
		assertThat(first.suppressed().values())
			.containsExactly("inhibited by DatabaseUnavailable " + database.fingerprint());

		var billing = new Group(config, firing("HighErrorRate", "billing", T0, "instance", "a"), T0);
		billing.others.add(database);
		assertThat(billing.flush().sends()).as("another service is not inhibited").isTrue();

		group.others.set(0, alert("DatabaseUnavailable", "checkout", T0, T0.plusSeconds(200)));
		assertThat(group.flush().sends()).as("a resolved source inhibits nothing").isTrue();
	}

	@Test
	void anAlertMatchingBothSidesDoesNotInhibitItself() {
		var config = config("", """
				inhibit_rules:
				  - source_matchers: ['service="checkout"']
				    target_matchers: ['service="checkout"']
				    equal: [service]
				""");
		var group = new Group(config, firing("HighErrorRate", "checkout", T0), T0);
		assertThat(group.flush().sends()).isTrue();
		var rule = config.inhibitRules().get(0);
		var target = firing("HighErrorRate", "checkout", T0);
		assertThat(rule.inhibitor(target.labels(), List.of(target))).isEmpty();
	}

	@Test
	void missingEqualLabelsCountAsEqual() {
		var rule = config("", INHIBIT).inhibitRules().get(0);
		Map<String, String> target = Map.of("alertname", "HighErrorRate");
		var source = new Alert("f", Map.of("alertname", "DatabaseUnavailable"), Map.of(), "critical", T0,
				T0.plusSeconds(3600), null, "api", T0, T0);
		assertThat(rule.inhibitor(target, List.of(source))).contains(source);
	}

	private static final String BUSINESS_HOURS = """
			time_intervals:
			  - name: business-hours
			    time_intervals:
			      - weekdays: ['monday:friday']
			        times: [{start_time: "09:00", end_time: "17:00"}]
			""";

	@Test
	void aMutedRouteNotifiesNothingUntilTheIntervalEnds() {
		var config = config("mute_time_intervals: [business-hours]", BUSINESS_HOURS);
		// 16:50 on a Monday: muted until 17:00
		Instant late = Instant.parse("2026-11-23T16:50:00Z");
		var group = new Group(config, firing("HighErrorRate", "checkout", late), late);
		var first = group.flush();
		assertThat(first.sends()).isFalse();
		assertThat(first.mutedBy()).contains("mute_time_intervals: business-hours");
		assertThat(group.flush().sends()).as("16:55:30").isFalse();
		assertThat(group.flush().sends()).as("17:00:30").isTrue();
	}

	@Test
	void activeTimeIntervalsHoldNoticesUntilTheyBegin() {
		var config = config("active_time_intervals: [business-hours]", BUSINESS_HOURS);
		Instant friday = Instant.parse("2026-11-27T16:58:00Z");
		var group = new Group(config, firing("DiskUsageHigh", "db", friday), friday);
		assertThat(group.flush().sends()).as("16:58:30 Friday").isTrue();

		Instant saturday = Instant.parse("2026-11-28T10:00:00Z");
		var weekend = new Group(config, firing("DiskUsageHigh", "db", saturday), saturday);
		var flush = weekend.flush();
		assertThat(flush.sends()).isFalse();
		assertThat(flush.mutedBy()).contains("outside active_time_intervals: business-hours");
		int flushes = 0;
		while (!weekend.flush().sends() && flushes < 1000) {
			flushes++;
		}
		assertThat(weekend.state.notifiedAt()).isAfterOrEqualTo(Instant.parse("2026-11-30T09:00:00Z"))
			.isBefore(Instant.parse("2026-11-30T09:05:00Z"));
	}

	@Test
	void idempotencyKeysNameGroupChannelAndSequenceAndStayShortEnoughForTheOutbox() {
		assertThat(GroupFlush.idempotencyKey("{}:{alertname=\"X\"}", "pager", 3))
			.isEqualTo("{}:{alertname=\"X\"}/pager/3");
		String longKey = "{}:{" + "a".repeat(900) + "}";
		String key = GroupFlush.idempotencyKey(longKey, "pager", 12);
		assertThat(key).hasSizeLessThanOrEqualTo(500).startsWith("sha256:").endsWith("/pager/12");
		assertThat(GroupFlush.idempotencyKey(longKey, "pager", 12)).as("stable").isEqualTo(key);
		assertThat(GroupFlush.idempotencyKey(longKey + "b", "pager", 12)).isNotEqualTo(key);
	}

	@Test
	void alertsThatLeftTheGroupAreForgottenSoTheGroupCanEnd() {
		var group = new Group(config("", ""), firing("HighErrorRate", "checkout", T0, "instance", "a"), T0);
		assertThat(group.flush().sends()).isTrue();
		group.alerts.clear(); // e.g. the route's group_by changed
		var flush = group.flush();
		assertThat(flush.sends()).isFalse();
		assertThat(flush.delete()).isTrue();
	}

}
