package dev.watchkeeper.oncall;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How long one participant's shift lasts. */
public enum ShiftKind {

	/** One day, handed off every day at the hand-off time. */
	DAILY,
	/** Seven days, handed off on the hand-off day at the hand-off time. */
	WEEKLY,
	/** A length of its own (hours or days), counted in local wall time. */
	CUSTOM;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ShiftKind> parse(String value) {
		return Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(value)).findFirst();
	}

}
