package dev.watchkeeper.statuspage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.watchkeeper.incident.Publication;

/**
 * The status page's history as an Atom 1.0 feed: one entry per public incident and
 * maintenance.
 */
final class AtomFeed {

	private AtomFeed() {
	}

	static byte[] of(StatusSnapshot snapshot, StatuspageSettings settings, StatusJson json) {
		StringBuilder xml = new StringBuilder(4096);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
		xml.append("  <id>").append(escape(settings.url())).append("</id>\n");
		xml.append("  <title>").append(escape(settings.name())).append(" history</title>\n");
		xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
			.append(escape(settings.url()))
			.append("\"/>\n");
		xml.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
			.append(escape(settings.url()))
			.append("/history.atom\"/>\n");
		Instant updated = snapshot.incidents()
			.stream()
			.map(Publication::updatedAt)
			.max(Instant::compareTo)
			.orElse(snapshot.at());
		xml.append("  <updated>").append(json.time(updated)).append("</updated>\n");
		for (Publication p : snapshot.incidents()) {
			StringBuilder content = new StringBuilder();
			for (Publication.PublicUpdate u : p.updates()) {
				content.append(StatusView.when(u.createdAt(), settings.zone()))
					.append(" — ")
					.append(u.status())
					.append(": ")
					.append(u.body())
					.append("\n");
			}
			entry(xml, settings.url() + "/incidents/" + p.incidentId(), p.title() + " (" + p.status() + ")",
					json.time(p.updatedAt()), settings.url(), content.toString());
		}
		for (PlannedWork m : snapshot.maintenance()) {
			entry(xml, settings.url() + "#maintenance-" + m.publicId(),
					"Maintenance: " + m.title() + " (" + m.status(snapshot.at()).replace('_', ' ') + ")",
					json.time(m.updatedAt()), settings.url(),
					"Scheduled from " + json.time(m.startsAt()) + " to " + json.time(m.endsAt()));
		}
		xml.append("</feed>\n");
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void entry(StringBuilder xml, String id, String title, String updated, String link, String text) {
		xml.append("  <entry>\n    <id>").append(escape(id)).append("</id>\n");
		xml.append("    <title>").append(escape(title)).append("</title>\n");
		xml.append("    <updated>").append(updated).append("</updated>\n");
		xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(link)).append("\"/>\n");
		xml.append("    <content type=\"text\">").append(escape(text)).append("</content>\n  </entry>\n");
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
