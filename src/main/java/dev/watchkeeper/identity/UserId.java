package dev.watchkeeper.identity;

import java.util.UUID;

/** Identifies a user. */
public record UserId(UUID value) implements java.io.Serializable {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	public static UserId parse(String value) {
		return new UserId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
