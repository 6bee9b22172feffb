package dev.watchkeeper.monitoring.metrics.scrape;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Scraping.
 *
 * @param enabled whether targets are scraped at all
 * @param bodyLimit the largest exposition body read; a larger one fails the scrape
 * @param refreshInterval how often targets changed on other nodes are picked up
 * @param selfScrape whether each node scrapes its own {@code /metrics} as job
 * {@code watchkeeper}
 * @param selfScrapeInterval the interval of that scrape
 */
@ConfigurationProperties("watchkeeper.monitoring.metrics.scrape")
public record ScrapeSettings(@DefaultValue("true") boolean enabled, @DefaultValue("10MB") DataSize bodyLimit,
		@DefaultValue("30s") Duration refreshInterval, @DefaultValue("true") boolean selfScrape,
		@DefaultValue("15s") Duration selfScrapeInterval) {
}
