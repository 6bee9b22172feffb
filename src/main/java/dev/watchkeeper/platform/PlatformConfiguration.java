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

	/**
	 * Persistent timers (db-scheduler) read the same clock, so a deadline set from
	 * {@link #clock()} fires when that clock passes it.
	 */
	@Bean
	com.github.kagkarlsson.scheduler.Clock timerClock(Clock clock) {
		return clock::instant;
	}

}
