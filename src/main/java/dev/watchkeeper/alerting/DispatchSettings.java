package dev.watchkeeper.alerting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alert group dispatcher, bound from {@code watchkeeper.alerting.dispatch.*}.
 *
 * @param pollInterval how often each node looks for due groups besides being woken when
 * an alert fires on it
 * @param batch the most groups one wake-up flushes before looking again
 */
@ConfigurationProperties("watchkeeper.alerting.dispatch")
public record DispatchSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("500") int batch) {

	public DispatchSettings {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("watchkeeper.alerting.dispatch.poll-interval must be positive");
		}
		if (batch < 1) {
			throw new IllegalArgumentException("watchkeeper.alerting.dispatch.batch must be at least 1");
		}
	}

}
