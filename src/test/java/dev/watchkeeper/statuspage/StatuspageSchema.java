package dev.watchkeeper.statuspage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema written from Statuspage's documented API v2 fields
 * ({@code statuspage/statuspage-v2.schema.json}), one definition per document.
 */
final class StatuspageSchema {

	private static final String SCHEMA = read();

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private StatuspageSchema() {
	}

	/**
	 * The problems of a document at {@code path} (e.g. incidents/unresolved.json); empty
	 * when valid.
	 */
	static List<String> problems(String path, String body) {
		String definition = switch (path) {
			case "incidents/unresolved.json" -> "incidents.json";
			case "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json" ->
				"scheduled-maintenances.json";
			default -> path;
		};
		String schema = SCHEMA.replaceFirst("\\{", "{\"\\$ref\": \"#/\\$defs/" + definition + "\",");
		Schema compiled = REGISTRY.getSchema(schema, InputFormat.JSON);
		return compiled.validate(body, InputFormat.JSON).stream().map(Object::toString).toList();
	}

	static void assertValid(String path, String body) {
		assertThat(problems(path, body)).as("%s against the Statuspage schema: %s", path, body).isEmpty();
	}

	private static String read() {
		try (InputStream in = StatuspageSchema.class.getResourceAsStream("/statuspage/statuspage-v2.schema.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
