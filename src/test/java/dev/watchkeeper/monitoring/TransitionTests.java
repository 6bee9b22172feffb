package dev.watchkeeper.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionTests {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private static final Duration REFRESH = Duration.ofMinutes(1);

	private static Outcome ok() {
		return Outcome.success(UUID.randomUUID(), NOW, 10.0, "HTTP 200");
	}

	private static Outcome failed() {
		return Outcome.failure(UUID.randomUUID(), NOW, null, "timed out");
	}

	@Test
	void goesDownOnlyAfterTheFailureThresholdAndFiresOnce() {
		var first = Transition.of("up", 0, 5, 3, 1, null, null, failed(), "critical", REFRESH);
		assertThat(first.status()).isEqualTo("up");
		assertThat(first.alert()).isEqualTo(Transition.AlertAction.NONE);
		var third = Transition.of("up", 2, 0, 3, 1, null, null, failed(), "critical", REFRESH);
		assertThat(third.status()).isEqualTo("down");
		assertThat(third.alert()).isEqualTo(Transition.AlertAction.FIRE);
		var fourth = Transition.of("down", 3, 0, 3, 1, "critical", NOW.minusSeconds(10), failed(), "critical", REFRESH);
		assertThat(fourth.alert()).isEqualTo(Transition.AlertAction.NONE);
		var later = Transition.of("down", 4, 0, 3, 1, "critical", NOW.minusSeconds(61), failed(), "critical", REFRESH);
		assertThat(later.alert()).isEqualTo(Transition.AlertAction.REFRESH);
	}

	@Test
	void comesUpAfterTheSuccessThresholdAndResolves() {
		var one = Transition.of("down", 5, 0, 2, 2, "critical", NOW, ok(), "critical", REFRESH);
		assertThat(one.status()).isEqualTo("down");
		var two = Transition.of("down", 0, 1, 2, 2, "critical", NOW, ok(), "critical", REFRESH);
		assertThat(two.status()).isEqualTo("up");
		assertThat(two.alert()).isEqualTo(Transition.AlertAction.RESOLVE);
	}

	@Test
	void aNewCheckIsUpAtItsFirstSuccessAndALateHeartbeatIsDownAtOnce() {
		assertThat(Transition.of("pending", 0, 0, 3, 3, null, null, ok(), "high", REFRESH).status()).isEqualTo("up");
		var late = new Outcome(UUID.randomUUID(), NOW, false, null, "late", null, java.util.List.of(), true);
		assertThat(Transition.of("up", 0, 3, 3, 1, null, null, late, "high", REFRESH).alert())
			.isEqualTo(Transition.AlertAction.FIRE);
	}

	@Test
	void aCertificateMovingFromWarningToCriticalReplacesItsAlert() {
		var worse = Transition.of("down", 4, 0, 1, 1, "medium", NOW, failed(), "critical", REFRESH);
		assertThat(worse.alert()).isEqualTo(Transition.AlertAction.REPLACE);
		assertThat(worse.alertSeverity()).isEqualTo("critical");
	}

}
