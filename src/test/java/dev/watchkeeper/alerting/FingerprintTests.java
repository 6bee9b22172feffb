package dev.watchkeeper.alerting;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference values were read from a real Alertmanager 0.25 (GET /api/v2/alerts). */
class FingerprintTests {

	@Test
	void matchesAlertmanagersFingerprints() {
		assertThat(Fingerprint.of(Map.of("alertname", "HighErrorRate", "service", "checkout", "severity", "critical")))
			.isEqualTo("7d2d332feada5c59");
		assertThat(Fingerprint.of(Map.of("alertname", "Ünïcode", "zone", "eu-west-1"))).isEqualTo("5c2abe55773ed540");
	}

	@Test
	void theEmptyLabelSetIsTheHashOffset() {
		assertThat(Fingerprint.of(Map.of())).isEqualTo("cbf29ce484222325");
	}

	@Test
	void dependsOnLabelsNotTheirOrder() {
		assertThat(Fingerprint.of(Map.of("a", "1", "b", "2"))).isEqualTo(Fingerprint.of(Map.of("b", "2", "a", "1")))
			.isNotEqualTo(Fingerprint.of(Map.of("a", "2", "b", "1")));
	}

}
