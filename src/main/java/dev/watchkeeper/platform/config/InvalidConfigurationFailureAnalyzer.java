package dev.watchkeeper.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns configuration problems into one readable start-up failure message. */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
		return new FailureAnalysis(
				"Watchkeeper cannot start; the configuration has " + cause.problems().size() + " problem(s):\n - "
						+ String.join("\n - ", cause.problems()),
				"Fix the settings above (environment variables, config/default.yaml or config/<ENVIRONMENT>.yaml) "
						+ "and start again. See docs/configuration.md.",
				cause);
	}

}
