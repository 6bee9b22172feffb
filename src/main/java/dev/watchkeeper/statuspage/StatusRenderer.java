package dev.watchkeeper.statuspage;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Renders a snapshot into the page, the Atom feed and the Statuspage API documents. */
@Component
class StatusRenderer {

	/** The Statuspage API documents by their path under {@code /status/api/v2/}. */
	static final List<String> DOCUMENTS = List.of("summary.json", "status.json", "components.json", "incidents.json",
			"incidents/unresolved.json", "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json",
			"scheduled-maintenances/active.json");

	/**
	 * Statuspage writes absent values as {@code null} (clients expect every field),
	 * unlike the application's mapper, which leaves them out.
	 */
	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ITemplateEngine templates;

	private final JsonMapper json;

	private final StatuspageSettings settings;

	StatusRenderer(ITemplateEngine templates, StatuspageSettings settings) {
		this.templates = templates;
		this.json = JSON;
		this.settings = settings;
	}

	/**
	 * What is served, each answer as UTF-8 bytes and gzipped.
	 *
	 * @param snapshot what it was rendered from
	 * @param html the public page
	 * @param atom the Atom feed
	 * @param json the API documents by path
	 */
	record Documents(StatusSnapshot snapshot, Body html, Body atom, Map<String, Body> json) {
	}

	/**
	 * One answer.
	 *
	 * @param plain the bytes
	 * @param gzipped the same, gzip-compressed, for clients that accept it
	 */
	record Body(byte[] plain, byte[] gzipped) {

		static Body of(byte[] plain) {
			var out = new java.io.ByteArrayOutputStream(plain.length / 4 + 64);
			try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
				gzip.write(plain);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			return new Body(plain, out.toByteArray());
		}

	}

	Documents render(StatusSnapshot snapshot) {
		StatusJson documents = new StatusJson(snapshot, settings);
		Map<String, Body> rendered = new LinkedHashMap<>();
		rendered.put("summary.json", Body.of(json.writeValueAsBytes(documents.summary())));
		rendered.put("status.json", Body.of(json.writeValueAsBytes(documents.statusDocument())));
		rendered.put("components.json", Body.of(json.writeValueAsBytes(documents.componentsDocument())));
		rendered.put("incidents.json", Body.of(json.writeValueAsBytes(documents.incidentsDocument(false))));
		rendered.put("incidents/unresolved.json", Body.of(json.writeValueAsBytes(documents.incidentsDocument(true))));
		rendered.put("scheduled-maintenances.json",
				Body.of(json.writeValueAsBytes(documents.maintenanceDocument("all"))));
		rendered.put("scheduled-maintenances/upcoming.json",
				Body.of(json.writeValueAsBytes(documents.maintenanceDocument("upcoming"))));
		rendered.put("scheduled-maintenances/active.json",
				Body.of(json.writeValueAsBytes(documents.maintenanceDocument("active"))));
		return new Documents(snapshot, Body.of(html(snapshot)), Body.of(AtomFeed.of(snapshot, settings, documents)),
				Map.copyOf(rendered));
	}

	/** The page as visitors see it. */
	byte[] html(StatusSnapshot snapshot) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("view", StatusView.of(snapshot, settings));
		return templates.process("statuspage/status", context).getBytes(StandardCharsets.UTF_8);
	}

}
