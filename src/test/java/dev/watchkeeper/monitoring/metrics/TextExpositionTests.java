package dev.watchkeeper.monitoring.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextExpositionTests {

	@Test
	void readsSamplesWithAndWithoutTimestampsSkippingComments() {
		List<TextExposition.Sample> samples = TextExposition.parse("""
				# HELP http_requests_total Requests.
				# TYPE http_requests_total counter
				http_requests_total{job="api",path="/a \\"q\\""} 1027 1764000000000
				up 1
				temperature{room="b"} -Inf

				nan_metric NaN 5
				""", 42);
		assertThat(samples).hasSize(4);
		assertThat(samples.get(0).labels().toString())
			.isEqualTo("http_requests_total{job=\"api\", path=\"/a \\\"q\\\"\"}");
		assertThat(samples.get(0).timestampMillis()).isEqualTo(1_764_000_000_000L);
		assertThat(samples.get(0).value()).isEqualTo(1027);
		assertThat(samples.get(1).timestampMillis()).isEqualTo(42);
		assertThat(samples.get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(samples.get(3).value()).isNaN();
	}

	@Test
	void namesTheLineOfAnInvalidSample() {
		assertThatThrownBy(() -> TextExposition.parse("ok 1\n{job=\"x\"} 1\n", 0))
			.hasMessage("line 2: expected a metric name");
		assertThatThrownBy(() -> TextExposition.parse("ok 1\nok 1\nbad{job=x} 1\n", 0))
			.hasMessage("line 3: expected a quoted value for label \"job\"");
		assertThatThrownBy(() -> TextExposition.parse("m abc\n", 0)).hasMessage("line 1: invalid value \"abc\"");
		assertThatThrownBy(() -> TextExposition.parse("m 1 1.5\n", 0))
			.hasMessage("line 1: invalid timestamp \"1.5\" (milliseconds since the epoch)");
		assertThatThrownBy(() -> TextExposition.parse("m{a=\"1\",a=\"2\"} 1\n", 0))
			.hasMessage("line 1: duplicate label \"a\"");
	}

}
