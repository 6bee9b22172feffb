package dev.watchkeeper.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a check does: probe a URL, connect to a port, read a certificate chain, or wait
 * for pings.
 */
public enum CheckKind {

	HTTP, TCP, TLS, HEARTBEAT;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean probe() {
		return this != HEARTBEAT;
	}

	public static Optional<CheckKind> parse(String value) {
		return Arrays.stream(values()).filter(kind -> kind.value().equals(value)).findFirst();
	}

}
