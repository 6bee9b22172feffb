package dev.watchkeeper.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/** The result writer keeps writing whatever order its thread and its starter run in. */
class ResultWriterTests {

	private static final MonitoringSettings SETTINGS = new MonitoringSettings(true, 500, Duration.ofMillis(250),
			Duration.ofSeconds(1), 1000, Duration.ofMillis(100), DataSize.ofMegabytes(1), Duration.ofSeconds(5),
			Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofDays(14), Duration.ofDays(400),
			DataSize.ofKilobytes(100), 30, 7, "Watchkeeper");

	private final CheckOutcomes outcomes = mock(CheckOutcomes.class);

	private ResultWriter writer;

	@AfterEach
	void stop() {
		if (writer != null) {
			writer.stop();
		}
	}

	/**
	 * On a busy machine a new thread can run before {@code Thread.start} returns to the
	 * code that started it; here it always does, for up to half a second.
	 */
	private static final ThreadFactory RUNS_BEFORE_START_RETURNS = task -> new Thread(task, "check-results") {

		@Override
		public void start() {
			super.start();
			try {
				join(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	};

	@Test
	void writesResultsEvenWhenItsThreadRunsBeforeStartReturns() {
		writer = new ResultWriter(outcomes, SETTINGS, RUNS_BEFORE_START_RETURNS);
		writer.start();

		writer.add(Outcome.success(UUID.randomUUID(), Instant.now(), 3.0, "HTTP 200"));

		verify(outcomes, timeout(5_000)).record(anyList());
	}

	@Test
	void writesResultsAgainAfterAStopAndAStart() {
		writer = new ResultWriter(outcomes, SETTINGS, RUNS_BEFORE_START_RETURNS);
		writer.start();
		writer.stop();
		writer.start();

		writer.add(Outcome.success(UUID.randomUUID(), Instant.now(), 3.0, "HTTP 200"));

		verify(outcomes, timeout(5_000)).record(anyList());
	}

}
