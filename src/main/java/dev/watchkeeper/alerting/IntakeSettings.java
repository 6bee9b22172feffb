package dev.watchkeeper.alerting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How posted alerts are written, bound from {@code watchkeeper.alerting.intake.*}.
 *
 * @param writers how many transactions write posted alerts at once
 * @param maxAlertsPerCommit a writer stops adding waiting requests to one transaction
 * once it holds this many alerts
 */
@ConfigurationProperties("watchkeeper.alerting.intake")
record IntakeSettings(@DefaultValue("2") int writers, @DefaultValue("2048") int maxAlertsPerCommit) {

	IntakeSettings {
		if (writers < 1 || writers > 64) {
			throw new IllegalArgumentException("watchkeeper.alerting.intake.writers must be 1..64, got " + writers);
		}
		if (maxAlertsPerCommit < 1) {
			throw new IllegalArgumentException(
					"watchkeeper.alerting.intake.max-alerts-per-commit must be at least 1, got " + maxAlertsPerCommit);
		}
	}

}
