package dev.watchkeeper.incident;

import java.time.Duration;
import java.util.List;

/**
 * One level of the severity policy.
 *
 * @param name the canonical name, e.g. {@code SEV-1}
 * @param aliases other spellings accepted for it, e.g. {@code P0} and {@code critical}
 * @param description what incidents of this level look like
 * @param acknowledgeWithin the acknowledgement target, counted from declaration
 * @param resolveWithin the resolution target, counted from declaration
 * @param notifyStakeholders whether stakeholders are told about such incidents
 * @param updateEvery how often a status update is due while the incident is open; null
 * when no reminders are sent
 * @param postmortemRequired whether resolving creates a post-mortem
 */
public record SeverityLevel(String name, List<String> aliases, String description, Duration acknowledgeWithin,
		Duration resolveWithin, boolean notifyStakeholders, Duration updateEvery, boolean postmortemRequired) {

	public SeverityLevel {
		aliases = List.copyOf(aliases);
	}

}
