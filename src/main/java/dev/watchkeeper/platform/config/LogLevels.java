package dev.watchkeeper.platform.config;

import java.util.Map;
import java.util.Optional;

/** The handbook's log levels (004 §3.3) and the logging system's names for them. */
public final class LogLevels {

	private static final Map<String, String> HANDBOOK_TO_LOGBACK = Map.of("TRACE", "TRACE", "DEBUG", "DEBUG", "INFO",
			"INFO", "WARNING", "WARN", "WARN", "WARN", "ERROR", "ERROR", "CRITICAL", "ERROR");

	private LogLevels() {
	}

	public static Optional<String> toLogback(String handbookLevel) {
		return Optional.ofNullable(HANDBOOK_TO_LOGBACK.get(handbookLevel));
	}

	/** The handbook spells WARN as WARNING. */
	public static String toHandbook(String logbackLevel) {
		return "WARN".equals(logbackLevel) ? "WARNING" : logbackLevel;
	}

}
