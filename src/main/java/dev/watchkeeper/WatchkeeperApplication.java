package dev.watchkeeper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts Watchkeeper: one self-hosted service for alerting, on-call, incidents, status
 * pages and the rest of the operations handbook.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WatchkeeperApplication {

	public static void main(String[] args) {
		SpringApplication.run(WatchkeeperApplication.class, args);
	}

}
