package dev.watchkeeper.platform.health;

/** The words handbook 004 §3.7 uses for a dependency's state. */
public final class HealthStatus {

	public static final String HEALTHY = "healthy";

	public static final String UNHEALTHY = "unhealthy";

	public static final String TIMEOUT = "timeout";

	private HealthStatus() {
	}

}
