package dev.watchkeeper.platform.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Gives the handbook's environment variable names (004 §2.2) the highest precedence, as
 * environment variables have, and then validates the resulting configuration before any
 * bean exists, so a bad setting stops start-up with one message listing every problem.
 * <p>
 * Spring already lets {@code WATCHKEEPER_DATA_DIR} and friends override
 * {@code watchkeeper.data-dir}; the handbook's own names ({@code DATABASE_URL},
 * {@code SECRET_KEY}, {@code LOG_LEVEL}, {@code ENVIRONMENT}, {@code PORT}) have no
 * prefix, so they are mapped here.
 */
public class HandbookEnvironmentVariables implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "watchkeeperHandbookVariables";

	/**
	 * Every documented environment variable and the key it sets. The handbook's own names
	 * have no prefix; for the {@code WATCHKEEPER_*} names the table fixes where the
	 * dashes go, which Spring's relaxed binding cannot guess.
	 */
	static final Map<String, String> MAPPING = Map.ofEntries(Map.entry("DATABASE_URL", "watchkeeper.database.url"),
			Map.entry("SECRET_KEY", "watchkeeper.secret-key"), Map.entry("LOG_LEVEL", "watchkeeper.log-level"),
			Map.entry("ENVIRONMENT", "watchkeeper.environment"), Map.entry("PORT", "server.port"),
			Map.entry("WATCHKEEPER_DATA_DIR", "watchkeeper.data-dir"),
			Map.entry("WATCHKEEPER_EMBEDDED_DB", "watchkeeper.embedded-db"),
			Map.entry("WATCHKEEPER_DATABASE_POOL_SIZE", "watchkeeper.database.pool-size"),
			Map.entry("WATCHKEEPER_MAX_REQUEST_BODY_SIZE", "watchkeeper.max-request-body-size"),
			Map.entry("WATCHKEEPER_ADMIN_EMAIL", "watchkeeper.identity.admin-email"),
			Map.entry("WATCHKEEPER_ADMIN_PASSWORD", "watchkeeper.identity.admin-password"),
			Map.entry("WATCHKEEPER_ADMIN_TOKEN", "watchkeeper.identity.admin-token"),
			Map.entry("WATCHKEEPER_LOCKOUT_THRESHOLD", "watchkeeper.identity.lockout-threshold"),
			Map.entry("WATCHKEEPER_LOCKOUT_WINDOW", "watchkeeper.identity.lockout-window"),
			Map.entry("WATCHKEEPER_LOCKOUT_DURATION", "watchkeeper.identity.lockout-duration"),
			Map.entry("WATCHKEEPER_LOGIN_FAILURES_PER_ADDRESS", "watchkeeper.identity.login-failures-per-address"),
			Map.entry("WATCHKEEPER_ALERTING_RESOLVE_TIMEOUT", "watchkeeper.alerting.resolve-timeout"),
			Map.entry("WATCHKEEPER_ALERTING_MAX_BATCH", "watchkeeper.alerting.max-batch"),
			Map.entry("WATCHKEEPER_NOTIFICATION_POLL_INTERVAL", "watchkeeper.notification.poll-interval"),
			Map.entry("WATCHKEEPER_NOTIFICATION_BACKOFF_BASE", "watchkeeper.notification.backoff-base"),
			Map.entry("WATCHKEEPER_NOTIFICATION_BACKOFF_MAX", "watchkeeper.notification.backoff-max"),
			Map.entry("WATCHKEEPER_NOTIFICATION_MAX_RETRY_DURATION", "watchkeeper.notification.max-retry-duration"),
			Map.entry("WATCHKEEPER_NOTIFICATION_LEASE", "watchkeeper.notification.lease"),
			Map.entry("WATCHKEEPER_NOTIFICATION_BATCH_SIZE", "watchkeeper.notification.batch-size"),
			Map.entry("WATCHKEEPER_NOTIFICATION_CONNECT_TIMEOUT", "watchkeeper.notification.connect-timeout"),
			Map.entry("WATCHKEEPER_NOTIFICATION_REQUEST_TIMEOUT", "watchkeeper.notification.request-timeout"),
			Map.entry("WATCHKEEPER_EXTERNAL_URL", "watchkeeper.notification.external-url"),
			Map.entry("WATCHKEEPER_SMTP_HOST", "watchkeeper.notification.smtp.host"),
			Map.entry("WATCHKEEPER_SMTP_PORT", "watchkeeper.notification.smtp.port"),
			Map.entry("WATCHKEEPER_SMTP_USERNAME", "watchkeeper.notification.smtp.username"),
			Map.entry("WATCHKEEPER_SMTP_PASSWORD", "watchkeeper.notification.smtp.password"),
			Map.entry("WATCHKEEPER_SMTP_FROM", "watchkeeper.notification.smtp.from"),
			Map.entry("WATCHKEEPER_SMTP_STARTTLS", "watchkeeper.notification.smtp.starttls"),
			Map.entry("WATCHKEEPER_ALERTING_DISPATCH_POLL_INTERVAL", "watchkeeper.alerting.dispatch.poll-interval"),
			Map.entry("WATCHKEEPER_ALERTING_DISPATCH_BATCH", "watchkeeper.alerting.dispatch.batch"),
			Map.entry("WATCHKEEPER_PEOPLE_SLACK_CHANNEL", "watchkeeper.notification.people.slack-channel"),
			Map.entry("WATCHKEEPER_PEOPLE_GATEWAY_URL", "watchkeeper.notification.people.gateway-url"),
			Map.entry("WATCHKEEPER_PEOPLE_SIGNING_SECRET", "watchkeeper.notification.people.signing-secret"),
			Map.entry("WATCHKEEPER_ALERTING_INTAKE_WRITERS", "watchkeeper.alerting.intake.writers"),
			Map.entry("WATCHKEEPER_ALERTING_INTAKE_MAX_ALERTS_PER_COMMIT",
					"watchkeeper.alerting.intake.max-alerts-per-commit"),
			Map.entry("WATCHKEEPER_MONITORING_SCHEDULER_ENABLED", "watchkeeper.monitoring.scheduler-enabled"),
			Map.entry("WATCHKEEPER_MONITORING_MAX_CONCURRENCY", "watchkeeper.monitoring.max-concurrency"),
			Map.entry("WATCHKEEPER_MONITORING_POLL_INTERVAL", "watchkeeper.monitoring.poll-interval"),
			Map.entry("WATCHKEEPER_MONITORING_WRITE_INTERVAL", "watchkeeper.monitoring.write-interval"),
			Map.entry("WATCHKEEPER_MONITORING_BODY_LIMIT", "watchkeeper.monitoring.body-limit"),
			Map.entry("WATCHKEEPER_MONITORING_MIN_INTERVAL", "watchkeeper.monitoring.min-interval"),
			Map.entry("WATCHKEEPER_MONITORING_RAW_RETENTION", "watchkeeper.monitoring.raw-retention"),
			Map.entry("WATCHKEEPER_MONITORING_ROLLUP_RETENTION", "watchkeeper.monitoring.rollup-retention"),
			Map.entry("WATCHKEEPER_MONITORING_PING_BODY_LIMIT", "watchkeeper.monitoring.ping-body-limit"),
			Map.entry("WATCHKEEPER_MONITORING_TLS_WARN_DAYS", "watchkeeper.monitoring.tls-warn-days"),
			Map.entry("WATCHKEEPER_MONITORING_TLS_CRITICAL_DAYS", "watchkeeper.monitoring.tls-critical-days"),
			Map.entry("WATCHKEEPER_MONITORING_METRICS_RETENTION", "watchkeeper.monitoring.metrics.retention"),
			Map.entry("WATCHKEEPER_MONITORING_METRICS_MEMORY_BUDGET", "watchkeeper.monitoring.metrics.memory-budget"),
			Map.entry("WATCHKEEPER_MONITORING_METRICS_LOOKBACK_DELTA", "watchkeeper.monitoring.metrics.lookback-delta"),
			Map.entry("WATCHKEEPER_MONITORING_METRICS_LIMITS_INTERVAL",
					"watchkeeper.monitoring.metrics.limits-interval"),
			Map.entry("WATCHKEEPER_MONITORING_METRICS_SCRAPE_ENABLED", "watchkeeper.monitoring.metrics.scrape.enabled"),
			Map.entry("WATCHKEEPER_MONITORING_METRICS_SCRAPE_BODY_LIMIT",
					"watchkeeper.monitoring.metrics.scrape.body-limit"),
			Map.entry("WATCHKEEPER_MONITORING_METRICS_SCRAPE_SELF_SCRAPE",
					"watchkeeper.monitoring.metrics.scrape.self-scrape"),
			Map.entry("WATCHKEEPER_MONITORING_METRICS_REMOTE_WRITE_MAX_DECOMPRESSED_SIZE",
					"watchkeeper.monitoring.metrics.remote-write.max-decompressed-size"),
			Map.entry("WATCHKEEPER_MONITORING_RULES_ENABLED", "watchkeeper.monitoring.rules.enabled"),
			Map.entry("WATCHKEEPER_MONITORING_RULES_EVALUATION_INTERVAL",
					"watchkeeper.monitoring.rules.evaluation-interval"),
			Map.entry("WATCHKEEPER_MONITORING_RULES_QUERY_TIMEOUT", "watchkeeper.monitoring.rules.query-timeout"),
			Map.entry("WATCHKEEPER_MONITORING_RULES_GENERATOR_URL", "watchkeeper.monitoring.rules.generator-url"),
			Map.entry("WATCHKEEPER_TIMER_POLL_INTERVAL", "db-scheduler.polling-interval"),
			Map.entry("WATCHKEEPER_TIMER_THREADS", "db-scheduler.threads"),
			Map.entry("WATCHKEEPER_INCIDENT_SEVERITY_POLICY", "watchkeeper.incident.severity-policy"),
			Map.entry("WATCHKEEPER_INCIDENT_TIME_ZONE", "watchkeeper.incident.time-zone"),
			Map.entry("WATCHKEEPER_INCIDENT_ACTION_LINKS_VALID_FOR", "watchkeeper.incident.action-links-valid-for"),
			Map.entry("WATCHKEEPER_INCIDENT_STAKEHOLDER_EMAILS", "watchkeeper.incident.stakeholders.emails"),
			Map.entry("WATCHKEEPER_INCIDENT_STAKEHOLDER_CHANNEL", "watchkeeper.incident.stakeholders.channel"),
			Map.entry("WATCHKEEPER_ONCALL_CALENDAR_WEEKS", "watchkeeper.oncall.calendar-weeks"),
			Map.entry("WATCHKEEPER_ONCALL_FEED_WEEKS_AHEAD", "watchkeeper.oncall.feed-weeks-ahead"),
			Map.entry("WATCHKEEPER_ONCALL_FEED_DAYS_BEHIND", "watchkeeper.oncall.feed-days-behind"),
			Map.entry("WATCHKEEPER_ONCALL_FEED_FAILURES_PER_ADDRESS", "watchkeeper.oncall.feed-failures-per-address"),
			Map.entry("WATCHKEEPER_ONCALL_FEED_FAILURE_WINDOW", "watchkeeper.oncall.feed-failure-window"),
			Map.entry("WATCHKEEPER_MAINTENANCE_SERVICE_LABEL", "watchkeeper.maintenance.service-label"),
			Map.entry("WATCHKEEPER_MAINTENANCE_REFRESH_EVERY", "watchkeeper.maintenance.refresh-every"),
			Map.entry("WATCHKEEPER_STATUSPAGE_NAME", "watchkeeper.statuspage.name"),
			Map.entry("WATCHKEEPER_STATUSPAGE_URL", "watchkeeper.statuspage.url"),
			Map.entry("WATCHKEEPER_STATUSPAGE_LOGO_URL", "watchkeeper.statuspage.logo-url"),
			Map.entry("WATCHKEEPER_STATUSPAGE_BRAND_COLOR", "watchkeeper.statuspage.brand-color"),
			Map.entry("WATCHKEEPER_STATUSPAGE_TIME_ZONE", "watchkeeper.statuspage.time-zone"),
			Map.entry("WATCHKEEPER_STATUSPAGE_CACHE_TTL", "watchkeeper.statuspage.cache-ttl"),
			Map.entry("WATCHKEEPER_STATUSPAGE_HISTORY_DAYS", "watchkeeper.statuspage.history-days"),
			Map.entry("WATCHKEEPER_STATUSPAGE_UPCOMING_DAYS", "watchkeeper.statuspage.upcoming-days"),
			Map.entry("WATCHKEEPER_STATUSPAGE_SUBSCRIBE_PER_HOUR", "watchkeeper.statuspage.subscribe-per-hour"),
			Map.entry("WATCHKEEPER_STATUSPAGE_CONFIRM_WITHIN", "watchkeeper.statuspage.confirm-within"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> mapped = new LinkedHashMap<>();
		MAPPING.forEach((variable, key) -> {
			String value = environment.getSystemEnvironment().get(variable) instanceof String s ? s : null;
			if (value == null) {
				value = System.getProperty(variable);
			}
			if (value != null) {
				mapped.put(key, value);
			}
		});
		var sources = environment.getPropertySources();
		var source = new MapPropertySource(SOURCE_NAME, mapped);
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
		String level = environment.getProperty("watchkeeper.log-level", "INFO").trim().toUpperCase(Locale.ROOT);
		sources.addLast(new MapPropertySource("watchkeeperLogLevel",
				Map.of("logging.level.root", LogLevels.toLogback(level).orElse("INFO"))));
		ConfigurationValidator.validate(environment);
	}

	@Override
	public int getOrder() {
		// after the config files (config/default.yaml, config/<ENVIRONMENT>.yaml) are
		// loaded
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
