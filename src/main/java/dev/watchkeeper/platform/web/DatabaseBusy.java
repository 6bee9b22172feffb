package dev.watchkeeper.platform.web;

import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that could not get a database connection within the pool's timeout (the
 * database is overloaded or unreachable) is answered 503 with {@code Retry-After}, not
 * 500: nothing was done, and trying again later is the right move.
 */
final class DatabaseBusy {

	static final String DETAIL = "The database is busy or unreachable; nothing was changed, try again shortly";

	static final String RETRY_AFTER_SECONDS = "5";

	private DatabaseBusy() {
	}

	static boolean is(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
