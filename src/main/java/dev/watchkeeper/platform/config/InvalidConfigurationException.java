package dev.watchkeeper.platform.config;

import java.util.List;

/** Start-up stops with this when the configuration has problems; it lists all of them. */
public class InvalidConfigurationException extends RuntimeException {

	private final List<String> problems;

	public InvalidConfigurationException(List<String> problems) {
		super("Invalid configuration:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
