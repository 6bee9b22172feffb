package dev.watchkeeper.monitoring.metrics.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.watchkeeper.alerting.PostableAlert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state machine of an alerting rule against Prometheus's documented behaviour
 * (rules/alerting.go: Eval and sendAlerts; the alerting-rules documentation): written as
 * scripts of evaluations one minute apart with what Prometheus would hold and send.
 */
class AlertStateTests {

	private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private static final Duration RESEND = Duration.ofMinutes(1);

	private static final Map<String, String> SERIES = Map.of("__name__", "errors", "job", "api");

	private AlertState rule(String forDuration, String keepFiringFor) {
		return new AlertState("HighErrors", duration(forDuration), duration(keepFiringFor), Map.of("severity", "high"),
				Map.of("summary", "{{ $labels.job }} at {{ $value }}", "runbook_url",
						"https://runbooks.example.com/x"));
	}

	private static Duration duration(String text) {
		return Duration.ofMillis(dev.watchkeeper.monitoring.metrics.promql.Parser.parseDuration(text));
	}

	private static Instant at(int minute) {
		return T0.plus(Duration.ofMinutes(minute));
	}

	/** Evaluates at a minute with the series present (value) or absent (null). */
	private List<PostableAlert> step(AlertState state, int minute, Double value) {
		state.eval(value == null ? List.of() : List.of(new AlertState.Result(SERIES, value)), at(minute),
				(labels) -> Optional.empty());
		return state.toSend(at(minute), INTERVAL, RESEND, null);
	}

	@Test
	void pendingForTheHoldDurationThenFiringThenResolved() {
		AlertState state = rule("5m", "0s");
		for (int m = 0; m < 5; m++) {
			assertThat(step(state, m, 3.0)).as("minute %d: pending alerts are not sent", m).isEmpty();
			assertThat(state.state()).isEqualTo(AlertState.State.PENDING);
		}
		// active since minute 0; at minute 5 it has been active for 5m: firing
		List<PostableAlert> sent = step(state, 5, 4.0);
		assertThat(state.state()).isEqualTo(AlertState.State.FIRING);
		assertThat(sent).hasSize(1);
		PostableAlert alert = sent.get(0);
		assertThat(alert.labels()).isEqualTo(Map.of("alertname", "HighErrors", "job", "api", "severity", "high"));
		assertThat(alert.annotations()).containsEntry("summary", "api at 4");
		assertThat(alert.startsAt()).isEqualTo(at(5));
		// endsAt: four times the larger of resend delay and interval ahead
		assertThat(alert.endsAt()).isEqualTo(at(9));
		assertThat(state.current().get(0).activeAt()).isEqualTo(at(0));

		// resent only when the last send is more than the resend delay ago
		assertThat(step(state, 6, 4.0)).isEmpty();
		List<PostableAlert> resent = step(state, 7, 5.0);
		assertThat(resent).hasSize(1);
		assertThat(resent.get(0).endsAt()).isEqualTo(at(11));
		assertThat(resent.get(0).annotations()).containsEntry("summary", "api at 5");

		// the series goes away: resolved at once, sent with endsAt = resolution time
		List<PostableAlert> resolved = step(state, 8, null);
		assertThat(state.state()).isEqualTo(AlertState.State.INACTIVE);
		assertThat(resolved).hasSize(1);
		assertThat(resolved.get(0).endsAt()).isEqualTo(at(8));
		assertThat(resolved.get(0).startsAt()).isEqualTo(at(5));
		assertThat(state.current()).isEmpty();
	}

	@Test
	void aPendingAlertWhoseSeriesGoesAwayIsDroppedUnsentAndStartsOverLater() {
		AlertState state = rule("5m", "0s");
		step(state, 0, 1.0);
		step(state, 3, 1.0);
		assertThat(step(state, 4, null)).isEmpty();
		assertThat(state.state()).isEqualTo(AlertState.State.INACTIVE);
		step(state, 5, 1.0);
		assertThat(state.current().get(0).activeAt()).isEqualTo(at(5));
		assertThat(step(state, 9, 1.0)).isEmpty();
		assertThat(step(state, 10, 1.0)).hasSize(1);
	}

	@Test
	void withoutForAnAlertFiresAtItsFirstEvaluation() {
		AlertState state = rule("0s", "0s");
		List<PostableAlert> sent = step(state, 0, 1.0);
		assertThat(state.state()).isEqualTo(AlertState.State.FIRING);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).startsAt()).isEqualTo(at(0));
	}

	@Test
	void keepFiringForHoldsAFiringAlertAfterItsSeriesEnds() {
		AlertState state = rule("0s", "10m");
		step(state, 0, 1.0);
		// gone at minute 1: still firing until 10 minutes after that
		for (int m = 1; m <= 10; m++) {
			step(state, m, null);
			assertThat(state.state()).as("minute %d", m).isEqualTo(AlertState.State.FIRING);
		}
		List<PostableAlert> sent = step(state, 11, null);
		assertThat(state.state()).isEqualTo(AlertState.State.INACTIVE);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).endsAt()).isEqualTo(at(11));
	}

	@Test
	void aReturningSeriesResetsKeepFiringFor() {
		AlertState state = rule("0s", "5m");
		step(state, 0, 1.0);
		step(state, 1, null);
		step(state, 4, null);
		step(state, 5, 1.0);
		step(state, 6, null);
		// 5 minutes after minute 6, not after minute 1
		step(state, 10, null);
		assertThat(state.state()).isEqualTo(AlertState.State.FIRING);
		step(state, 11, null);
		assertThat(state.state()).isEqualTo(AlertState.State.INACTIVE);
	}

	@Test
	void aResolvedAlertIsResentUntilItsRetentionEndsAndAReturnStartsAnewPending() {
		AlertState state = rule("0s", "0s");
		step(state, 0, 1.0);
		assertThat(step(state, 1, null)).hasSize(1);
		assertThat(step(state, 2, null)).isEmpty();
		// resent every resend delay while kept (15 minutes)
		assertThat(step(state, 3, null)).hasSize(1).allSatisfy((a) -> assertThat(a.endsAt()).isEqualTo(at(1)));
		step(state, 17, null);
		assertThat(step(state, 30, null)).isEmpty();

		AlertState again = rule("5m", "0s");
		step(again, 0, 1.0);
		step(again, 5, 1.0);
		step(again, 6, null);
		step(again, 7, 1.0);
		// a resolved alert whose series returns is a new pending alert
		assertThat(again.state()).isEqualTo(AlertState.State.PENDING);
		assertThat(again.current().get(0).activeAt()).isEqualTo(at(7));
	}

	@Test
	void anAlertFiringBeforeARestartFiresAgainAtOnceWithItsStart() {
		AlertState state = rule("5m", "0s");
		state.eval(List.of(new AlertState.Result(SERIES, 1.0)), at(20), (labels) -> Optional.of(at(3)));
		assertThat(state.state()).isEqualTo(AlertState.State.FIRING);
		List<PostableAlert> sent = state.toSend(at(20), INTERVAL, RESEND, null);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).startsAt()).isEqualTo(at(3));
	}

	@Test
	void resultsThatCollideOnceTheRuleLabelsApplyAreAnError() {
		AlertState state = new AlertState("X", Duration.ZERO, Duration.ZERO, Map.of("job", "fixed"),
				Map.of("runbook_url", "r"));
		assertThatThrownBy(() -> state.eval(
				List.of(new AlertState.Result(Map.of("job", "a"), 1), new AlertState.Result(Map.of("job", "b"), 1)),
				at(0), (l) -> Optional.empty()))
			.hasMessage("vector contains metrics with the same labelset after applying alert labels");
	}

	@Test
	void theEndOfAFiringAlertUsesTheLargerOfIntervalAndResendDelay() {
		AlertState state = rule("0s", "0s");
		state.eval(List.of(new AlertState.Result(SERIES, 1.0)), at(0), (labels) -> Optional.empty());
		List<PostableAlert> sent = state.toSend(at(0), Duration.ofMinutes(3), RESEND, null);
		assertThat(sent.get(0).endsAt()).isEqualTo(at(12));
	}

}
