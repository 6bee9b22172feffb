package dev.watchkeeper.platform.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location as the handbook writes it
 * ({@code postgresql://user:pass@host:5432/db}, also {@code postgres://}) or as a JDBC
 * URL ({@code jdbc:postgresql://host:5432/db?user=…}).
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param username the user, or null when the JDBC URL carries it
 * @param password the password, or null
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

	public static DatabaseUrl parse(String url) {
		String value = url.trim();
		if (value.startsWith("jdbc:postgresql:")) {
			return new DatabaseUrl(value, null, null);
		}
		if (!value.startsWith("postgresql://") && !value.startsWith("postgres://")) {
			throw new IllegalArgumentException(
					"expected postgresql://user:pass@host:5432/db or jdbc:postgresql://host:5432/db");
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not a URL (" + ex.getReason() + ")");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new IllegalArgumentException("no host");
		}
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		if (path.length() <= 1) {
			throw new IllegalArgumentException("no database name (…:5432/<db>)");
		}
		String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
				: uri.getHost();
		String jdbc = "jdbc:postgresql://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
				+ (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
		String user = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			user = decode(parts[0]);
			password = parts.length > 1 ? decode(parts[1]) : null;
		}
		return new DatabaseUrl(jdbc, user, password);
	}

	private static String decode(String part) {
		return URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
	}

}
