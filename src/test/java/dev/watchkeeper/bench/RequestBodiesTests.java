package dev.watchkeeper.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestBodiesTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T05:00:00Z"), ZoneOffset.UTC);

	private String body(RequestBodies bodies, long sequence) {
		return new String(bodies.body(sequence), StandardCharsets.UTF_8);
	}

	@Test
	void takesBodiesInTurnAndFillsInTheSequenceAndTimes() {
		var bodies = new RequestBodies(List.of("a-@SEQ@ @STARTS@", "b-@SEQ@ @ENDS@"), clock);
		assertThat(body(bodies, 0)).isEqualTo("a-0 2026-11-24T04:50:00Z");
		assertThat(body(bodies, 1)).isEqualTo("b-1 2026-11-24T05:04:00Z");
		assertThat(body(bodies, 2)).isEqualTo("a-2 2026-11-24T04:50:00Z");
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestBodies(List.of(), clock))
			.withMessageContaining("--body-file");
	}

}
