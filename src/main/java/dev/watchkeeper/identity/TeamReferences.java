package dev.watchkeeper.identity;

import java.util.Optional;

/**
 * Something in another module that points at teams, asked before a team is deleted so
 * that deleting it cannot leave, say, services with an owner that no longer exists.
 * Modules that keep team ids provide a bean of this type.
 */
public interface TeamReferences {

	/**
	 * Why the team cannot be deleted now (e.g. "owns 3 services: checkout, …"), or empty
	 * when nothing here refers to it.
	 */
	Optional<String> blockingDeletionOf(TeamId team);

}
