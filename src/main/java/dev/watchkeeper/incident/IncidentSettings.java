package dev.watchkeeper.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incident settings, bound from {@code watchkeeper.incident.*}.
 *
 * @param severityPolicy a YAML file with the severity policy (a path, {@code file:} or
 * {@code classpath:} location); empty for the handbook's default shipped in the jar
 * @param timeZone the IANA time zone of incident channel dates, post-mortem timelines and
 * action item due dates
 */
@ConfigurationProperties("watchkeeper.incident")
public record IncidentSettings(@DefaultValue("") String severityPolicy, @DefaultValue("UTC") String timeZone) {
}
