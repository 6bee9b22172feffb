package dev.watchkeeper.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Authenticating a bearer token reads the database once per token and two seconds, and
 * still judges expiry on every request.
 */
class ApiTokensTests {

	private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

	private final AddressThrottleTests.MutableClock clock = new AddressThrottleTests.MutableClock(START);

	private final TokenStore store = mock(TokenStore.class);

	private final ApiTokens tokens = new ApiTokens(store, new CredentialChanges(), event -> {
	}, clock);

	private final String secret = ApiTokens.newSecret();

	private final UserId owner = UserId.random();

	private final UUID tokenId = UUID.randomUUID();

	@BeforeEach
	void aTokenValidForOneMinute() {
		stored(bearer(START.plus(Duration.ofMinutes(1))));
	}

	private TokenStore.Bearer bearer(Instant expiresAt) {
		return new TokenStore.Bearer(tokenId, "deploy", "api", Role.RESPONDER, expiresAt, null, owner,
				"ada@example.com", "Ada", Role.RESPONDER, false);
	}

	private void stored(TokenStore.Bearer bearer) {
		when(store.findBearer(ApiTokens.hash(secret))).thenReturn(Optional.ofNullable(bearer));
	}

	@Test
	void aTokenUsedAgainWithinTwoSecondsIsNotLookedUpAgain() {
		assertThat(tokens.authenticate(secret)).isPresent();
		clock.advance(Duration.ofMillis(1999));
		assertThat(tokens.authenticate(secret)).isPresent();
		verify(store, times(1)).findBearer(anyString());
		clock.advance(Duration.ofMillis(1));
		assertThat(tokens.authenticate(secret)).isPresent();
		verify(store, times(2)).findBearer(anyString());
	}

	@Test
	void anExpiredTokenIsRefusedWhileItsRowIsStillRemembered() {
		stored(bearer(START.plusSeconds(1)));
		assertThat(tokens.authenticate(secret)).isPresent();
		clock.advance(Duration.ofSeconds(1));
		assertThat(tokens.authenticate(secret)).isEmpty();
		verify(store, times(1)).findBearer(anyString());
	}

	@Test
	void aBusyTokenRecordsItsUseOnceAMinute() {
		for (int i = 0; i < 10; i++) {
			assertThat(tokens.authenticate(secret)).isPresent();
			clock.advance(Duration.ofMillis(100));
		}
		verify(store, times(1)).touch(any(), any());
		verify(store).touch(tokenId, START);
	}

	@Test
	void aTokenRevokedOnThisNodeIsRefusedOnItsNextUse() {
		assertThat(tokens.authenticate(secret)).isPresent();
		when(store.find(tokenId)).thenReturn(
				Optional.of(new ApiToken(tokenId, owner, "deploy", "wk_abc", Role.RESPONDER, START, null, null, null)));
		when(store.revoke(any(), any())).thenReturn(true);
		stored(null);
		tokens.revoke(new SignedIn(owner, "ada@example.com", "Ada", Role.RESPONDER, Role.RESPONDER, false, null, null),
				tokenId);
		assertThat(tokens.authenticate(secret)).isEmpty();
	}

	@Test
	void anUnknownSecretIsLookedUpOnEveryUse() {
		stored(null);
		assertThat(tokens.authenticate(secret)).isEmpty();
		assertThat(tokens.authenticate(secret)).isEmpty();
		verify(store, times(2)).findBearer(anyString());
	}

}
