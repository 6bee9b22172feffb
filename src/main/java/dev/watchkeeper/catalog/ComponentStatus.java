package dev.watchkeeper.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a status page component stands, in Statuspage's words, from best to worst;
 * maintenance is shown apart from outages.
 */
public enum ComponentStatus {

	OPERATIONAL, UNDER_MAINTENANCE, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE;

	/** The lower-case name used in the API, the database and the UI. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The worse of two statuses (an outage is worse than maintenance). */
	public ComponentStatus worse(ComponentStatus other) {
		return other != null && other.ordinal() > ordinal() ? other : this;
	}

	public static Optional<ComponentStatus> parse(String value) {
		return value == null ? Optional.empty()
				: Arrays.stream(values()).filter(s -> s.value().equals(value.trim())).findFirst();
	}

}
