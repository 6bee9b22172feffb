package dev.watchkeeper.statuspage;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What the status page's web layer serves: the cached page, feed and Statuspage API
 * documents, and the public names of components for the subscription form.
 */
@Service
public class StatusPage {

	private final StatusCache cache;

	private final StatuspageSettings settings;

	StatusPage(StatusCache cache, StatuspageSettings settings) {
		this.cache = cache;
		this.settings = settings;
	}

	/** The public page, rendered (UTF-8 HTML), gzip-compressed if asked. */
	public byte[] html(boolean gzipped) {
		return bytes(cache.current().html(), gzipped);
	}

	/** The history as an Atom feed (UTF-8 XML), gzip-compressed if asked. */
	public byte[] atom(boolean gzipped) {
		return bytes(cache.current().atom(), gzipped);
	}

	/**
	 * A Statuspage API v2 document by its path under {@code /status/api/v2/}, e.g.
	 * {@code summary.json} or {@code incidents/unresolved.json}; gzip-compressed if
	 * asked.
	 */
	public Optional<byte[]> json(String path, boolean gzipped) {
		return Optional.ofNullable(cache.current().json().get(path)).map(body -> bytes(body, gzipped));
	}

	private static byte[] bytes(StatusRenderer.Body body, boolean gzipped) {
		return gzipped ? body.gzipped() : body.plain();
	}

	/** The components visitors can subscribe to, grouped as on the page. */
	public java.util.List<SubscribableComponent> components() {
		StatusSnapshot snapshot = cache.current().snapshot();
		java.util.List<SubscribableComponent> list = new java.util.ArrayList<>();
		for (StatusSnapshot.GroupState group : snapshot.groups()) {
			group.components()
				.forEach(c -> list
					.add(new SubscribableComponent(c.component().id(), c.component().name(), group.group().name())));
		}
		snapshot.ungrouped()
			.forEach(c -> list.add(new SubscribableComponent(c.component().id(), c.component().name(), null)));
		return list;
	}

	public StatuspageSettings settings() {
		return settings;
	}

	/** Shows changes at once (the settings page's preview). */
	public void refresh() {
		cache.invalidate();
	}

	/**
	 * A component in the subscription form.
	 *
	 * @param id the component
	 * @param name its name
	 * @param group its group's name, or null
	 */
	public record SubscribableComponent(java.util.UUID id, String name, String group) {
	}

}
