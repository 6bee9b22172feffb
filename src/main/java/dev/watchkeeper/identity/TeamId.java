package dev.watchkeeper.identity;

import java.util.UUID;

/** Identifies a team. */
public record TeamId(UUID value) {

	public static TeamId random() {
		return new TeamId(UUID.randomUUID());
	}

	public static TeamId parse(String value) {
		return new TeamId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
