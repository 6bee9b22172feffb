package dev.watchkeeper.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by the module that owns checks: lets the catalog refuse a component mapped
 * to a check that does not exist or watches another service.
 */
public interface CheckReferences {

	/** The service the check watches, or empty when there is no such check. */
	Optional<UUID> serviceOf(UUID checkId);

	/** The checks of a service, id to name, by name; for choosing in a form. */
	Map<UUID, String> checksOf(UUID serviceId);

}
