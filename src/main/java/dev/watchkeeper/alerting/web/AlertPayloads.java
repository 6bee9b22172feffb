package dev.watchkeeper.alerting.web;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.alerting.PostableAlert;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads posted alerts token by token, straight into the alert records: the intake
 * endpoints see many large batches a second, and a streaming read costs a fraction of a
 * bound one. The shapes are Alertmanager's: a JSON array of alerts (API v2 and native) or
 * a webhook notification (payload version 4) whose {@code alerts} carry a {@code status}.
 * Unknown fields are skipped, as Alertmanager does.
 */
final class AlertPayloads {

	/**
	 * Go's zero time, which Alertmanager's webhook sends as the end of a firing alert.
	 */
	private static final Instant UNSET = Instant.parse("1970-01-01T00:00:00Z");

	private final JsonMapper json;

	AlertPayloads(JsonMapper json) {
		this.json = json;
	}

	/** The body is not JSON of the expected shape; the message says where. */
	static final class MalformedPayload extends RuntimeException {

		MalformedPayload(String message) {
			super(message);
		}

	}

	/**
	 * A webhook notification: its version and its alerts as the API v2 would take them.
	 */
	record Webhook(String version, List<PostableAlert> alerts) {
	}

	/** A JSON array of alerts in the API v2 shape; an element may be {@code null}. */
	List<PostableAlert> alerts(InputStream body) {
		try (JsonParser parser = json.createParser(body)) {
			List<PostableAlert> alerts = alertArray(parser, parser.nextToken(), false);
			end(parser);
			return alerts;
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	/** Alertmanager's webhook notification, payload version 4. */
	Webhook webhook(InputStream body) {
		try (JsonParser parser = json.createParser(body)) {
			expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "a webhook notification object");
			String version = null;
			List<PostableAlert> alerts = List.of();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "version" -> version = scalar(parser, value, "version");
					case "alerts" ->
						alerts = value == JsonToken.VALUE_NULL ? List.of() : alertArray(parser, value, true);
					default -> parser.skipChildren();
				}
			}
			end(parser);
			return new Webhook(version, alerts);
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	private static List<PostableAlert> alertArray(JsonParser parser, JsonToken token, boolean webhook) {
		expect(parser, token, JsonToken.START_ARRAY, "an array of alerts");
		List<PostableAlert> alerts = new ArrayList<>();
		JsonToken next;
		while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (next == JsonToken.VALUE_NULL) {
				alerts.add(null);
				continue;
			}
			expect(parser, next, JsonToken.START_OBJECT, "an alert object");
			alerts.add(alert(parser, webhook));
		}
		return alerts;
	}

	private static PostableAlert alert(JsonParser parser, boolean webhook) {
		Map<String, String> labels = null;
		Map<String, String> annotations = null;
		Instant startsAt = null;
		Instant endsAt = null;
		String generatorUrl = null;
		String status = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "labels" -> labels = stringMap(parser, value, name);
				case "annotations" -> annotations = stringMap(parser, value, name);
				case "startsAt" -> startsAt = instant(parser, value, name);
				case "endsAt" -> endsAt = instant(parser, value, name);
				case "generatorURL" -> generatorUrl = scalar(parser, value, name);
				case "status" -> status = webhook ? scalar(parser, value, name) : skip(parser);
				default -> parser.skipChildren();
			}
		}
		if (!webhook) {
			return new PostableAlert(labels, annotations, startsAt, endsAt, generatorUrl);
		}
		// the webhook sends Go's zero time for an unset start or end, and an end in
		// the future for a firing alert: only a resolved alert's end counts
		Instant start = startsAt == null || startsAt.isBefore(UNSET) ? null : startsAt;
		Instant end = endsAt == null || endsAt.isBefore(UNSET) ? null : endsAt;
		return new PostableAlert(labels, annotations, start, "firing".equals(status) ? null : end, generatorUrl);
	}

	private static Map<String, String> stringMap(JsonParser parser, JsonToken token, String field) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(parser, token, JsonToken.START_OBJECT, "an object of strings in " + field);
		Map<String, String> map = new HashMap<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			map.put(name, scalar(parser, parser.nextToken(), field + "." + name));
		}
		return map;
	}

	private static Instant instant(JsonParser parser, JsonToken token, String field) {
		String text = scalar(parser, token, field);
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return Rfc3339.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedPayload(field + " is not an RFC 3339 time: \"" + text + "\" (" + at(parser) + ")");
		}
	}

	/** A string, number or boolean as text; null for JSON null. */
	private static String scalar(JsonParser parser, JsonToken token, String field) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (!token.isScalarValue()) {
			throw new MalformedPayload(field + " must be a string (" + at(parser) + ")");
		}
		return parser.getString();
	}

	private static String skip(JsonParser parser) {
		parser.skipChildren();
		return null;
	}

	private static void expect(JsonParser parser, JsonToken token, JsonToken expected, String what) {
		if (token != expected) {
			throw new MalformedPayload("expected " + what + " but found "
					+ (token == null ? "the end of the body" : token.asString() == null ? token : token.asString())
					+ " (" + at(parser) + ")");
		}
	}

	private static void end(JsonParser parser) {
		JsonToken trailing = parser.nextToken();
		if (trailing != null) {
			throw new MalformedPayload("unexpected content after the payload (" + at(parser) + ")");
		}
	}

	private static String at(JsonParser parser) {
		var location = parser.currentTokenLocation();
		return "line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static MalformedPayload malformed(JacksonException ex) {
		return new MalformedPayload(ex.getOriginalMessage() + (ex.getLocation() == null ? ""
				: " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"));
	}

}
