package dev.watchkeeper.incident;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who hears about incidents whose severity notifies stakeholders, bound from
 * {@code watchkeeper.incident.stakeholders.*}.
 *
 * @param emails the addresses each notice is mailed to; empty for none
 * @param channel the notification channel each notice is posted to (an email, Slack,
 * Teams or webhook channel); empty for none
 */
@ConfigurationProperties("watchkeeper.incident.stakeholders")
public record StakeholderSettings(@DefaultValue List<String> emails, @DefaultValue("") String channel) {

	public StakeholderSettings {
		emails = emails == null ? List.of()
				: emails.stream().map(String::strip).filter(address -> !address.isEmpty()).distinct().toList();
		channel = channel == null ? "" : channel.strip();
	}

}
