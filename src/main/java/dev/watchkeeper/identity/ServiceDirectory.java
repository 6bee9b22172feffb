package dev.watchkeeper.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's services as identity needs them to bind integration keys. The catalog
 * module implements it (catalog depends on identity, not the other way round).
 */
public interface ServiceDirectory {

	Optional<Entry> bySlug(String slug);

	Optional<Entry> byId(UUID id);

	/**
	 * A service's id and current slug.
	 *
	 * @param id the service's id
	 * @param slug its slug
	 */
	record Entry(UUID id, String slug) {
	}

}
