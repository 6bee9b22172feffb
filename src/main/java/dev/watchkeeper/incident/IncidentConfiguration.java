package dev.watchkeeper.incident;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import dev.watchkeeper.platform.config.InvalidConfigurationException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The severity policy in force, read and checked at start-up. */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

	@Bean
	SeverityPolicy severityPolicy(IncidentSettings settings) {
		try {
			ZoneId.of(settings.timeZone());
		}
		catch (DateTimeException ex) {
			throw new InvalidConfigurationException(List.of("watchkeeper.incident.time-zone: '" + settings.timeZone()
					+ "' is not an IANA time zone such as UTC or Europe/Berlin"));
		}
		return SeverityPolicyReader.load(settings.severityPolicy());
	}

}
