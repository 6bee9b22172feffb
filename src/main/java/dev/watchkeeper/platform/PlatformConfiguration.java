package dev.watchkeeper.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** Every deadline rule takes this clock, so tests step time instead of sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
