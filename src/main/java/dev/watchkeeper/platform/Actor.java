package dev.watchkeeper.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who makes a change: a user, an API token acting for its owner, or the system itself.
 *
 * @param kind user, token or system
 * @param id the user's id, the token's id, or {@code system}
 * @param name what people see: an email address or a token name
 * @param userId the user the change is attributed to, if any
 */
public record Actor(Kind kind, String id, String name, String userId) {

	public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", "Watchkeeper", null);

	public enum Kind {

		USER, TOKEN, SYSTEM

	}

	/** The authenticated actor of the current thread, or {@link #SYSTEM}. */
	public static Actor current() {
		return authenticated().orElse(SYSTEM);
	}

	public static Optional<Actor> authenticated() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Principal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	/** Implemented by the identity module's authenticated principals. */
	public interface Principal {

		Actor actor();

	}

}
