package dev.watchkeeper.catalog;

import java.util.Optional;

/**
 * Something in another module that belongs to a service, asked before the service is
 * deleted so that deleting it cannot leave, say, checks probing for a service that no
 * longer exists. Modules that keep service ids provide a bean of this type.
 */
public interface ServiceReferences {

	/**
	 * Why the service cannot be deleted now (e.g. "has 2 checks: api health, …"), or
	 * empty when nothing here refers to it.
	 */
	Optional<String> blockingDeletionOf(ServiceId service);

}
