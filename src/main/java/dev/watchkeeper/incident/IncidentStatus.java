package dev.watchkeeper.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an incident stands: triggered → acknowledged → investigating → identified →
 * monitoring → resolved, then closed once a required post-mortem is published (at once
 * when none is required).
 */
public enum IncidentStatus {

	TRIGGERED, ACKNOWLEDGED, INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, CLOSED;

	/** The lower-case name used in the API, the database and the UI. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Neither resolved nor closed: people still work on it. */
	public boolean open() {
		return this != RESOLVED && this != CLOSED;
	}

	public static Optional<IncidentStatus> parse(String value) {
		return value == null ? Optional.empty()
				: Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst();
	}

}
