package dev.watchkeeper.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A post-mortem is written as a draft, reviewed, then published. */
public enum PostmortemStatus {

	DRAFT, IN_REVIEW, PUBLISHED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<PostmortemStatus> parse(String value) {
		return value == null ? Optional.empty()
				: Arrays.stream(values())
					.filter(s -> s.value().equals(value.trim().toLowerCase(Locale.ROOT).replace('-', '_')))
					.findFirst();
	}

}
