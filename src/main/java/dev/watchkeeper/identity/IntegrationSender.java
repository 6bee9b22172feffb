package dev.watchkeeper.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.platform.Actor;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The principal of a request authenticated by an integration key. It holds no role of the
 * role ladder, only {@link #AUTHORITY}, which the intake endpoints alone accept.
 *
 * @param keyId the integration key
 * @param keyName the key's name
 * @param labels labels that alerts sent with this key get when they lack them:
 * {@code service=<slug>} for a key bound to a service, {@code team=<slug>} for a team
 */
public record IntegrationSender(UUID keyId, String keyName, Map<String, String> labels) implements Actor.Principal {

	/** Granted to integration keys; not part of the role hierarchy. */
	public static final String AUTHORITY = "ROLE_INTEGRATION";

	public IntegrationSender {
		labels = Map.copyOf(labels);
	}

	public List<GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority(AUTHORITY));
	}

	@Override
	public Actor actor() {
		return new Actor(Actor.Kind.TOKEN, keyId.toString(), "integration key " + keyName, null);
	}

}
