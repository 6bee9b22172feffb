package dev.watchkeeper.incident;

import java.time.Duration;
import java.util.List;

import dev.watchkeeper.platform.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityPolicyReaderTests {

	@Test
	void theShippedPolicyHasTheHandbooksTargets() {
		SeverityPolicy policy = SeverityPolicyReader.load("");
		assertThat(policy.names()).containsExactly("SEV-1", "SEV-2", "SEV-3", "SEV-4");
		assertThat(policy.levels()).extracting(SeverityLevel::acknowledgeWithin)
			.containsExactly(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24));
		assertThat(policy.levels()).extracting(SeverityLevel::resolveWithin)
			.containsExactly(Duration.ofHours(2), Duration.ofHours(8), Duration.ofHours(24), Duration.ofDays(7));
		assertThat(policy.levels()).extracting(SeverityLevel::postmortemRequired)
			.containsExactly(true, true, false, false);
		assertThat(policy.levels()).extracting(SeverityLevel::notifyStakeholders)
			.containsExactly(true, true, false, false);
		assertThat(policy.postmortemDueAfter()).isEqualTo(Duration.ofHours(48));
		assertThat(policy.postmortemReminders()).containsExactly(Duration.ofHours(-24), Duration.ZERO,
				Duration.ofHours(24));
	}

	@Test
	void aliasesFindTheirLevelInAnySpelling() {
		SeverityPolicy policy = SeverityPolicyReader.load("");
		assertThat(
				List.of("SEV-1", "sev1", "P0", "p0", "Critical").stream().map(v -> policy.find(v).orElseThrow().name()))
			.containsOnly("SEV-1");
		assertThat(policy.find("low").orElseThrow().name()).isEqualTo("SEV-4");
		assertThat(policy.find("P4")).isEmpty();
		assertThat(policy.find(null)).isEmpty();
	}

	@Test
	void everyProblemOfABadPolicyIsReportedAtOnce() {
		String yaml = """
				severities:
				  - name: SEV-1
				    aliases: [P0]
				    acknowledge_within: 0s
				    resolve_within: soon
				  - name: sev1
				    acknowledge_within: 5m
				    resolve_within: 1h
				    postmortem_required: maybe
				  - aliases: [P9]
				postmortem:
				  due_after_resolution: 48h
				  reminders: [-72h]
				""";
		assertThatThrownBy(() -> SeverityPolicyReader.read(yaml, "custom.yaml"))
			.isInstanceOf(InvalidConfigurationException.class)
			.satisfies(ex -> assertThat(((InvalidConfigurationException) ex).problems()).containsExactly(
					"watchkeeper.incident.severity-policy (custom.yaml) severities[0].acknowledge_within: must be longer than zero",
					"watchkeeper.incident.severity-policy (custom.yaml) severities[0].resolve_within: 'soon' is not a duration; use e.g. 30s, 15m, 2h, 7d",
					"watchkeeper.incident.severity-policy (custom.yaml) severities[1]: 'sev1' names more than one level",
					"watchkeeper.incident.severity-policy (custom.yaml) severities[1].postmortem_required: must be true or false",
					"watchkeeper.incident.severity-policy (custom.yaml) severities[2].name: is required",
					"watchkeeper.incident.severity-policy (custom.yaml) severities[2].acknowledge_within: is required, e.g. 15m",
					"watchkeeper.incident.severity-policy (custom.yaml) severities[2].resolve_within: is required, e.g. 15m",
					"watchkeeper.incident.severity-policy (custom.yaml) postmortem.reminders[0]: must come after the resolution (due 48h after it)"));
	}

	@Test
	void aMissingFileStopsStartUpNamingIt() {
		assertThatThrownBy(() -> SeverityPolicyReader.load("/no/such/policy.yaml"))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("/no/such/policy.yaml")
			.hasMessageContaining("cannot be read");
	}

}
