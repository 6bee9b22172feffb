package dev.watchkeeper.bench;

import java.util.HashSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertBatchesTests {

	private static final Pattern INSTANCE = Pattern.compile("\"instance\":\"([^\"]+)\"");

	@Test
	void eachBatchHasTheStatedMixOfNewAndDistinctRefreshedAlerts() {
		var bodies = AlertBatches.bodies(50, 64, 16, 5000);
		assertThat(bodies).hasSize(50);
		for (String body : bodies) {
			var instances = INSTANCE.matcher(body).results().map(m -> m.group(1)).toList();
			assertThat(instances).hasSize(64);
			assertThat(instances.stream().filter(i -> i.startsWith("new-@SEQ@-"))).hasSize(16);
			assertThat(new HashSet<>(instances)).as("no alert twice in a batch").hasSize(64);
			assertThat(body).startsWith("[{\"labels\":{\"alertname\":").endsWith("}]").contains("\"runbook_url\":");
		}
		assertThat(AlertBatches.bodies(50, 64, 16, 5000)).as("seeded: the same bodies every run").isEqualTo(bodies);
	}

}
