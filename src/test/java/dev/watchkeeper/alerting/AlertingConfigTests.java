package dev.watchkeeper.alerting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class AlertingConfigTests {

	private static final Set<String> CHANNELS = Set.of("pagerduty", "slack-ops");

	private static AlertingConfig parse(String text) {
		return AlertingConfig.parse(ConfigDocument.read(text), CHANNELS::contains);
	}

	private static Map<String, String> errors(String text) {
		try {
			parse(text);
			return Map.of();
		}
		catch (DomainException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().forEach(e -> errors.put(e.field(), e.message()));
			return errors;
		}
	}

	private static final String TREE = """
			receivers:
			  - {name: default}
			  - {name: page, channels: [pagerduty]}
			  - {name: chat, channels: [slack-ops]}
			route:
			  receiver: default
			  group_by: [alertname]
			  repeat_interval: 2h
			  routes:
			    - matchers: ['severity="critical"']
			      receiver: page
			      group_wait: 0s
			      continue: true
			    - matchers: ['service=~"check.*"']
			      receiver: chat
			      group_by: ['...']
			      routes:
			        - matchers: ['team="payments"']
			          group_interval: 1m
			    - matchers: ['severity="critical"']
			      receiver: chat
			""";

	@Test
	void childrenInheritWhatTheyLeaveUnsetAndDefaultsAreAlertmanagers() {
		var root = parse(TREE).root();
		assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(30));
		assertThat(root.groupInterval()).isEqualTo(Duration.ofMinutes(5));
		assertThat(root.repeatInterval()).isEqualTo(Duration.ofHours(2));
		var payments = root.routes().get(1).routes().get(0);
		assertThat(payments.path()).isEqualTo("route.routes[1].routes[0]");
		assertThat(payments.receiver()).isEqualTo("chat");
		assertThat(payments.groupsByAllLabels()).isTrue();
		assertThat(payments.groupInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(payments.repeatInterval()).isEqualTo(Duration.ofHours(2));
		assertThat(root.routes().get(0).groupBy()).containsExactly("alertname");
	}

	@Test
	void routingFollowsAlertmanagerContinueAndFallsBackToTheParent() {
		var root = parse(TREE).root();
		var critical = root.match(Map.of("alertname", "X", "severity", "critical", "service", "checkout"));
		assertThat(critical).extracting(Route::path)
			.as("continue lets the next sibling match too; the first match without continue stops")
			.containsExactly("route.routes[0]", "route.routes[1]");
		var payments = root.match(Map.of("alertname", "X", "service", "checkout", "team", "payments"));
		assertThat(payments).extracting(Route::path).containsExactly("route.routes[1].routes[0]");
		assertThat(root.match(Map.of("alertname", "X"))).extracting(Route::path).containsExactly("route");
	}

	@Test
	void groupKeysNameTheRouteAndTheGroupLabels() {
		var root = parse(TREE).root();
		Map<String, String> labels = Map.of("alertname", "X", "service", "checkout", "severity", "critical");
		assertThat(root.routes().get(0).groupKey(labels)).isEqualTo("{}/{severity=\"critical\"}/0:{alertname=\"X\"}");
		assertThat(root.routes().get(1).groupKey(labels))
			.isEqualTo("{}/{service=~\"check.*\"}/1:{alertname=\"X\",service=\"checkout\",severity=\"critical\"}");
		assertThat(root.routes().get(1).groupKey(labels)).isNotEqualTo(root.routes().get(2).groupKey(labels));
	}

	@Test
	void everyProblemIsReportedWithItsPath() {
		var errors = errors("""
				receivers:
				  - {name: default, channels: [pagerduty, nowhere]}
				route:
				  receiver: default
				  matchers: ['severity="critical"']
				  group_interval: 0s
				  routes:
				    - matchers: ['severity="critical"']
				      receiver: pager
				    - matchers: ['service=~"check(out"']
				      repeat_interval: soon
				      mute_time_intervals: [weekends]
				inhibit_rules:
				  - source_matchers: ['alertname="A"']
				    target_matchers: []
				    equal: ['not a label']
				""");
		assertThat(errors).containsOnlyKeys("receivers[0].channels[1]", "route.matchers", "route.group_interval",
				"route.routes[0].receiver", "route.routes[1].matchers[0]", "route.routes[1].repeat_interval",
				"route.routes[1].mute_time_intervals[0]", "inhibit_rules[0].target_matchers",
				"inhibit_rules[0].equal[0]");
		assertThat(errors.get("route.routes[1].matchers[0]")).contains("regular expression");
		assertThat(errors.get("route.routes[0].receiver")).contains("pager");
		assertThat(errors.get("receivers[0].channels[1]")).contains("nowhere");
	}

	@Test
	void aRootRouteNeedsAReceiverAndAReceiverIsNamedOnce() {
		assertThat(errors("receivers: [{name: a}, {name: a}]\nroute: {group_by: [alertname]}"))
			.containsKeys("receivers[1].name", "route.receiver");
		assertThat(errors("route: {receiver: a}")).containsKeys("receivers", "route.receiver");
		assertThat(errors("receivers: [{name: a}]\nroute: {receiver: a, group_by: ['...', alertname]}"))
			.containsKeys("route.group_by");
		assertThat(errors("receivers: [{name: a}]\nroute: {receiver: a, colour: blue}")).containsKeys("route.colour");
		assertThat(errors("[1, 2]")).containsKeys("config");
		assertThat(errors("route: {receiver: [")).containsKeys("config");
	}

	@Test
	void theShippedDefaultFollowsTheHandbook() throws IOException {
		String text = new String(
				new ClassPathResource(AlertingConfigs.DEFAULT_RESOURCE).getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		var config = AlertingConfig.parse(ConfigDocument.read(text), name -> false);
		var root = config.root();
		assertThat(config.receivers()).allMatch(r -> r.channels().isEmpty());
		var critical = root.match(Map.of("alertname", "ServiceDown", "severity", "critical")).get(0);
		assertThat(critical.receiver()).isEqualTo("page");
		assertThat(critical.groupWait()).isZero();
		assertThat(critical.repeatInterval()).isEqualTo(Duration.ofHours(1));
		assertThat(root.match(Map.of("alertname", "X", "severity", "P0")).get(0).receiver()).isEqualTo("page");
		assertThat(root.match(Map.of("alertname", "X", "severity", "high")).get(0).receiver())
			.isEqualTo("page-and-chat");
		assertThat(root.match(Map.of("alertname", "X", "severity", "warning")).get(0).receiver()).isEqualTo("chat");
		var low = root.match(Map.of("alertname", "X", "severity", "low")).get(0);
		assertThat(low.receiver()).isEqualTo("email");
		assertThat(low.mutedAt(Instant.parse("2026-11-28T12:00:00Z"), config.intervals())).isPresent();
		assertThat(low.mutedAt(Instant.parse("2026-11-27T12:00:00Z"), config.intervals())).isEmpty();
		assertThat(root.match(Map.of("alertname", "X")).get(0).receiver()).isEqualTo("default");

		var database = new Alert("db",
				Map.of("alertname", "DatabaseUnavailable", "service", "checkout", "severity", "critical"), Map.of(),
				"critical", Instant.EPOCH, Instant.MAX, null, "api", Instant.EPOCH, Instant.EPOCH);
		assertThat(InhibitRule.inhibitor(config.inhibitRules(),
				Map.of("alertname", "HighErrorRate", "service", "checkout", "severity", "high"), List.of(database)))
			.contains(database);
		assertThat(InhibitRule.inhibitor(config.inhibitRules(),
				Map.of("alertname", "HighErrorRate", "service", "billing", "severity", "high"), List.of(database)))
			.isEmpty();
	}

	@Test
	void durationsUsePrometheusSpelling() {
		Map<String, String> errors = new LinkedHashMap<>();
		assertThat(ConfigDocument.duration("1h30m", "d", errors)).isEqualTo(Duration.ofMinutes(90));
		assertThat(ConfigDocument.duration("0s", "d", errors)).isZero();
		assertThat(ConfigDocument.duration("1d", "d", errors)).isEqualTo(Duration.ofDays(1));
		assertThat(errors).isEmpty();
		assertThat(ConfigDocument.duration("-5m", "d", errors)).isNull();
		assertThat(ConfigDocument.duration("5 minutes", "e", errors)).isNull();
		assertThat(errors).containsOnlyKeys("d", "e");
		assertThat(ConfigDocument.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
		assertThat(ConfigDocument.format(Duration.ZERO)).isEqualTo("0s");
	}

}
