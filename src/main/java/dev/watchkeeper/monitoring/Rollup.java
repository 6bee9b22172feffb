package dev.watchkeeper.monitoring;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The runs of one check in one minute, hour or day.
 *
 * @param bucket where the period starts (UTC)
 * @param total runs
 * @param up successful runs
 * @param p50Ms median latency
 * @param p95Ms 95th percentile latency
 * @param p99Ms 99th percentile latency
 */
public record Rollup(Instant bucket, int total, int up, Double p50Ms, Double p95Ms, Double p99Ms) {

	/** Share of successful runs, 0 to 1. */
	@JsonProperty("upRatio")
	public double upRatio() {
		return total == 0 ? 0 : (double) up / total;
	}

}
