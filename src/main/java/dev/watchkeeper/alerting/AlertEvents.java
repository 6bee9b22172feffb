package dev.watchkeeper.alerting;

/** What happens to alerts; routing and notification listen to these. */
public final class AlertEvents {

	private AlertEvents() {
	}

	/** An alert started firing: new, or firing again after it had resolved. */
	public record AlertFired(Alert alert) {
	}

	/** A firing alert was resolved by its sender ({@code endsAt} in the past). */
	public record AlertResolved(Alert alert) {
	}

}
