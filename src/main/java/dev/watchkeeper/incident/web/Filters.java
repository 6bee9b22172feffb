package dev.watchkeeper.incident.web;

import java.util.UUID;

import dev.watchkeeper.incident.IncidentFilter;
import dev.watchkeeper.incident.IncidentStatus;
import dev.watchkeeper.incident.SeverityPolicy;
import dev.watchkeeper.platform.DomainException;

/** Reads list filters, refusing unknown values with the accepted ones. */
final class Filters {

	private Filters() {
	}

	static IncidentFilter incidents(String status, String severity, UUID service, SeverityPolicy policy) {
		String statusValue = blank(status) ? null : status.trim().toLowerCase(java.util.Locale.ROOT);
		if (statusValue != null && !"open".equals(statusValue) && IncidentStatus.parse(statusValue).isEmpty()) {
			throw DomainException.invalid("status",
					"one of open, triggered, acknowledged, investigating, identified, monitoring, resolved, closed");
		}
		String level = blank(severity) ? null : policy.require(severity, "severity").name();
		return new IncidentFilter(statusValue, level, service);
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
