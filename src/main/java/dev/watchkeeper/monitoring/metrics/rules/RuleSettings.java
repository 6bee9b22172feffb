package dev.watchkeeper.monitoring.metrics.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert and recording rules.
 *
 * @param enabled whether rules are evaluated
 * @param evaluationInterval the interval of a group that names none, as Prometheus's
 * {@code global.evaluation_interval}
 * @param resendDelay how often a firing alert is sent again, as Prometheus's
 * {@code --rules.alert.resend-delay}
 * @param queryTimeout the longest a query to an external Prometheus-compatible API may
 * take
 * @param refreshInterval how often a rule file changed on another node is picked up
 * @param generatorUrl the base of the link alerts carry to the expression, e.g. the
 * explore page's external address; empty for none
 */
@ConfigurationProperties("watchkeeper.monitoring.rules")
public record RuleSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration evaluationInterval,
		@DefaultValue("1m") Duration resendDelay, @DefaultValue("10s") Duration queryTimeout,
		@DefaultValue("30s") Duration refreshInterval, @DefaultValue("") String generatorUrl) {
}
