package dev.watchkeeper.platform.web;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** No connection within the pool's timeout is a 503 with Retry-After, not a 500. */
class DatabaseBusyTests {

	@Test
	void aRequestThatGotNoConnectionIsAnswered503WithRetryAfter() {
		var failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
				new SQLTransientConnectionException("watchkeeper - Connection is not available, request timed out"));
		var response = new ApiExceptionHandler().unexpected(failure);
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(response.getBody().getType().toString()).endsWith(":database-busy");
		assertThat(response.getBody().getDetail()).contains("nothing was changed");
	}

	@Test
	void otherDatabaseFailuresAreNotMistakenForABusyDatabase() {
		assertThat(DatabaseBusy.is(new IllegalStateException("wrapped",
				new SQLTransientConnectionException("Connection is not available"))))
			.isTrue();
		assertThat(DatabaseBusy.is(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(DatabaseBusy.is(null)).isFalse();
		assertThat(new ApiExceptionHandler().unexpected(new IllegalStateException("bug")).getStatusCode().value())
			.isEqualTo(500);
	}

}
