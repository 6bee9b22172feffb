package dev.watchkeeper.maintenance;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a window stands on approval: only emergency work needs it. */
public enum Approval {

	/** Scheduled work with the policy's notice: in force as soon as it is saved. */
	NOT_REQUIRED,
	/** Emergency work waiting for a manager or admin: does nothing yet. */
	PENDING,
	/** Emergency work a manager or admin approved: in force. */
	APPROVED,
	/** Emergency work a manager or admin refused: never in force. */
	REJECTED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Approval of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/** Whether a window with this approval is in force (unless cancelled). */
	public boolean inForce() {
		return this == NOT_REQUIRED || this == APPROVED;
	}

}
