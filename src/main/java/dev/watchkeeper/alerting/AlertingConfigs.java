package dev.watchkeeper.alerting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.notification.Notifications;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing configuration in force: the newest saved version, or the default shipped
 * from the handbook while none is saved. Every save is a new version with its author, is
 * checked whole first (nothing is saved on error) and is audited.
 */
@Service
public class AlertingConfigs {

	private static final Logger log = LoggerFactory.getLogger(AlertingConfigs.class);

	static final String DEFAULT_RESOURCE = "alerting/default-routing.yaml";

	/**
	 * How long a node trusts its cached configuration before checking for a newer one.
	 */
	private static final long REFRESH_NANOS = 1_000_000_000L;

	private final AlertingConfigStore store;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final AlertGroups groups;

	private final Current fallback;

	private volatile Current cached;

	private volatile long checkedAt;

	AlertingConfigs(AlertingConfigStore store, Notifications notifications, ApplicationEventPublisher events,
			JsonMapper json, Clock clock, AlertGroups groups) {
		this.store = store;
		this.notifications = notifications;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.groups = groups;
		String source = defaultSource();
		var document = ConfigDocument.read(source);
		this.fallback = new Current(0, "Watchkeeper (handbook 004 §3.5)", null, document, source,
				AlertingConfig.parse(document, name -> true));
	}

	/**
	 * The configuration in force.
	 *
	 * @param version 0 for the shipped default, else the saved version
	 * @param createdBy who saved it
	 * @param createdAt when; null for the default
	 * @param document the configuration in JSON form
	 * @param source the text as submitted (YAML keeps its comments)
	 * @param config the checked configuration
	 */
	public record Current(int version, String createdBy, Instant createdAt, Map<String, Object> document, String source,
			AlertingConfig config) {
	}

	/** A saved version, without its document. */
	public record VersionInfo(int version, String createdBy, Instant createdAt) {
	}

	public Current current() {
		Current known = cached;
		long now = System.nanoTime();
		if (known != null && now - checkedAt < REFRESH_NANOS) {
			return known;
		}
		int latest = store.latestVersion();
		if (known == null || known.version() != latest) {
			known = latest == 0 ? fallback : store.find(latest).map(this::compile).orElse(fallback);
			cached = known;
		}
		checkedAt = now;
		return known;
	}

	/** The shipped default, as text. */
	public String defaultSource() {
		try (InputStream in = new ClassPathResource(DEFAULT_RESOURCE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<VersionInfo> versions(int limit) {
		return store.list(Math.min(Math.max(limit, 1), 500))
			.stream()
			.map(v -> new VersionInfo(v.version(), v.createdBy(), v.createdAt()))
			.toList();
	}

	/**
	 * Checks and saves a configuration written as JSON or YAML. Every problem is reported
	 * at once with its path (e.g. {@code route.routes[1].matchers[0]}); nothing is saved
	 * unless all is well. Alerts firing now are regrouped under the new routes.
	 */
	@Transactional
	public Current save(String text) {
		var document = ConfigDocument.read(text);
		var config = AlertingConfig.parse(document, notifications::channelExists);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		// normalise through JSON so the stored document holds only plain values
		Map<String, Object> plain = json.readValue(json.writeValueAsString(document), AlertingConfigStore.DOCUMENT);
		Current before = current();
		var version = store.append(plain, text, Actor.current().name(), now);
		Current saved = new Current(version.version(), version.createdBy(), version.createdAt(), plain, text, config);
		cached = saved;
		checkedAt = System.nanoTime();
		groups.regroup(config.root(), now);
		events.publishEvent(new ConfigSaved(before.version(), saved.version(), summary(config)));
		return saved;
	}

	private static String summary(AlertingConfig config) {
		return config.receivers().size() + " receivers, " + config.root().flatten().size() + " routes, "
				+ config.inhibitRules().size() + " inhibit rules, " + config.timeIntervals().size() + " time intervals";
	}

	private Current compile(AlertingConfigStore.Version version) {
		// checked when saved; channels deleted since are skipped (and logged) when
		// notifying
		try {
			return new Current(version.version(), version.createdBy(), version.createdAt(), version.document(),
					version.source(), AlertingConfig.parse(version.document(), name -> true));
		}
		catch (DomainException ex) {
			// only possible if a newer Watchkeeper saved it; routing must go on meanwhile
			log.error("Alerting configuration version {} cannot be read ({}); using the default until it is saved "
					+ "again", version.version(), ex.fieldErrors());
			return fallback;
		}
	}

	/** Audited: who saved which version of the routing configuration. */
	public record ConfigSaved(int previous, int version, String contents) implements AuditableEvent {

		public String action() {
			return "alerting_config.saved";
		}

		public String targetType() {
			return "alerting_config";
		}

		public String targetId() {
			return String.valueOf(version);
		}

		public String summary() {
			return "Saved alerting configuration version " + version + " (" + contents + ")";
		}

		public Map<String, Object> before() {
			return Map.of("version", previous);
		}

		public Map<String, Object> after() {
			return Map.of("version", version, "contents", contents);
		}

	}

}
