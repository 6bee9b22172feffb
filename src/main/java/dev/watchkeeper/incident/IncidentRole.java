package dev.watchkeeper.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The people who run an incident (handbook 004 §3.8: "Assign incident commander"). */
public enum IncidentRole {

	COMMANDER("incident commander"), COMMUNICATIONS_LEAD("communications lead"), SCRIBE("scribe");

	private final String title;

	IncidentRole(String title) {
		this.title = title;
	}

	/** The name used in the API: commander, communications_lead, scribe. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** How people call it. */
	public String title() {
		return title;
	}

	public static Optional<IncidentRole> parse(String value) {
		return value == null ? Optional.empty()
				: Arrays.stream(values())
					.filter(r -> r.value().equals(value.trim().toLowerCase(Locale.ROOT).replace('-', '_')))
					.findFirst();
	}

}
