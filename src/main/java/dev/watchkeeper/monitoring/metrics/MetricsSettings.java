package dev.watchkeeper.monitoring.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The embedded metric store and query engine.
 *
 * @param retention how long samples are kept
 * @param memoryBudget the most memory samples and series may take; over it the oldest
 * samples go and new series are refused
 * @param lookbackDelta how far back an instant selector looks for a sample, as
 * Prometheus's {@code --query.lookback-delta}
 * @param limitsInterval how often retention and the memory budget are enforced
 */
@ConfigurationProperties("watchkeeper.monitoring.metrics")
public record MetricsSettings(@DefaultValue("24h") Duration retention, @DefaultValue("512MB") DataSize memoryBudget,
		@DefaultValue("5m") Duration lookbackDelta, @DefaultValue("30s") Duration limitsInterval) {
}
