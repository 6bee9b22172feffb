package dev.watchkeeper.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an action item stands. */
public enum ActionItemStatus {

	OPEN, IN_PROGRESS, DONE;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ActionItemStatus> parse(String value) {
		return value == null ? Optional.empty()
				: Arrays.stream(values())
					.filter(s -> s.value().equals(value.trim().toLowerCase(Locale.ROOT).replace('-', '_')))
					.findFirst();
	}

}
