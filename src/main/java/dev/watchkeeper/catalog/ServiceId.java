package dev.watchkeeper.catalog;

import java.util.UUID;

/** Identifies a service of the catalog. */
public record ServiceId(UUID value) {

	public static ServiceId random() {
		return new ServiceId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
