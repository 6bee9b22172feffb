package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MatcherTests {

	private static final Map<String, String> LABELS = Map.of("alertname", "HighErrorRate", "service", "checkout-api");

	@Test
	void theFourOperatorsMatchAsInAlertmanager() {
		assertThat(new Matcher("service", "=", "checkout-api").matches(LABELS)).isTrue();
		assertThat(new Matcher("service", "!=", "checkout-api").matches(LABELS)).isFalse();
		assertThat(new Matcher("service", "=~", "checkout.*").matches(LABELS)).isTrue();
		assertThat(new Matcher("service", "=~", "checkout").matches(LABELS)).as("anchored").isFalse();
		assertThat(new Matcher("service", "!~", "billing.*").matches(LABELS)).isTrue();
		assertThat(new Matcher("team", "=", "").matches(LABELS)).as("a missing label is empty").isTrue();
	}

	@Test
	void anInvalidRegularExpressionIsRefusedWhenTheMatcherIsMade() {
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new Matcher("service", "=~", "check(out"))
			.withMessageContaining("invalid regular expression");
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new Matcher("bad-name", "=", "x"));
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new Matcher("a", "==", "x"));
	}

	@Test
	void parsesThePrometheusTextForm() {
		assertThat(Matcher.parse("{alertname=\"HighErrorRate\", service=~\"check.*\", env!=\"dev\"}")).containsExactly(
				new Matcher("alertname", "=", "HighErrorRate"), new Matcher("service", "=~", "check.*"),
				new Matcher("env", "!=", "dev"));
		assertThat(Matcher.parse("severity=critical")).containsExactly(new Matcher("severity", "=", "critical"));
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> Matcher.parse("alertname"));
	}

	@Test
	void aSilenceMutesOnlyWhileActiveAndOnlyWhatAllItsMatchersMatch() {
		Instant start = Instant.parse("2026-11-23T02:00:00Z");
		var silence = new Silence(UUID.randomUUID(),
				List.of(new Matcher("alertname", "=", "HighErrorRate"), new Matcher("service", "=~", "checkout.*")),
				start, start.plusSeconds(4 * 3600), "ada", "maintenance", start.minusSeconds(3600));
		assertThat(silence.stateAt(start.minusSeconds(1))).isEqualTo("pending");
		assertThat(silence.silences(LABELS, start.minusSeconds(1))).isFalse();
		assertThat(silence.silences(LABELS, start)).isTrue();
		assertThat(silence.silences(Map.of("alertname", "HighErrorRate", "service", "billing"), start)).isFalse();
		assertThat(silence.stateAt(start.plusSeconds(4 * 3600))).isEqualTo("expired");
		assertThat(silence.silences(LABELS, start.plusSeconds(4 * 3600))).isFalse();
	}

}
