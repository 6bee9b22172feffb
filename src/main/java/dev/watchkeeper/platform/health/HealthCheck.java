package dev.watchkeeper.platform.health;

/**
 * One dependency {@code /health} reports on. Modules add their own as beans; the check's
 * name becomes the key under {@code checks}.
 */
public interface HealthCheck {

	String name();

	/** Whether a failure of this dependency makes Watchkeeper unready for traffic. */
	default boolean critical() {
		return true;
	}

	/** {@code healthy}, {@code unhealthy}, {@code timeout} or {@code degraded}. */
	String check();

}
