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

	@Test
	void hashesTheUtf8BytesOfEveryCharacterAndKeepsLeadingZeros() {
		for (var labels : java.util.List.of(Map.of("alertname", "Disk \uD83D\uDD25 full", "ü", "€"),
				Map.of("alertname", "x"), Map.of("a", "\uD83D"))) {
			long hash = 0xcbf29ce484222325L;
			for (var label : new java.util.TreeMap<>(labels).entrySet()) {
				for (String part : new String[] { label.getKey(), label.getValue() }) {
					for (byte b : part.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
						hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
					}
					hash = (hash ^ 0xff) * 0x100000001b3L;
				}
			}
			assertThat(Fingerprint.of(labels)).isEqualTo(String.format("%016x", hash));
		}
	}

}
