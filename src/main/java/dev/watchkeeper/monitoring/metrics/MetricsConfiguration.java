package dev.watchkeeper.monitoring.metrics;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.watchkeeper.monitoring.metrics.promql.Engine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the store, the engine, the facade, the store's own metrics and the limits sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
class MetricsConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(MetricsConfiguration.class);

	@Bean
	MetricStore metricStore(MetricsSettings settings, Clock clock, MeterRegistry registry) {
		MetricStore store = new MetricStore(clock, settings.retention(), settings.memoryBudget().toBytes());
		Gauge.builder("watchkeeper_metrics_series", store, (s) -> s.stats().series())
			.description("Series in the embedded metric store")
			.register(registry);
		Gauge.builder("watchkeeper_metrics_memory_bytes", store, (s) -> s.stats().bytes())
			.description("Estimated memory held by the embedded metric store")
			.register(registry);
		FunctionCounter.builder("watchkeeper_metrics_samples_appended", store, (s) -> s.stats().samplesAppended())
			.description("Samples stored")
			.register(registry);
		FunctionCounter.builder("watchkeeper_metrics_series_refused", store, (s) -> s.stats().seriesRefused())
			.description("New series refused because the store was over its memory budget")
			.register(registry);
		FunctionCounter.builder("watchkeeper_metrics_samples_rejected", store, (s) -> s.stats().samplesRejected())
			.description("Samples rejected as out of order")
			.register(registry);
		FunctionCounter
			.builder("watchkeeper_metrics_samples_dropped_for_budget", store,
					(s) -> s.stats().samplesDroppedForBudget())
			.description("Samples dropped before their retention ended to stay within the memory budget")
			.register(registry);
		return store;
	}

	@Bean
	Metrics metrics(MetricStore store, MetricsSettings settings, Clock clock) {
		return new Metrics(store, new Engine(store, settings.lookbackDelta().toMillis()), clock);
	}

	@Bean
	SmartLifecycle metricLimits(MetricStore store, MetricsSettings settings) {
		return new SmartLifecycle() {

			private ScheduledExecutorService executor;

			@Override
			public void start() {
				executor = Executors
					.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("metric-limits").daemon(true).factory());
				long every = settings.limitsInterval().toMillis();
				executor.scheduleWithFixedDelay(() -> {
					try {
						store.enforceLimits();
					}
					catch (RuntimeException ex) {
						LOG.warn("Enforcing the metric store's retention and memory budget failed", ex);
					}
				}, every, every, TimeUnit.MILLISECONDS);
			}

			@Override
			public void stop() {
				executor.shutdownNow();
				executor = null;
			}

			@Override
			public boolean isRunning() {
				return executor != null;
			}

		};
	}

}
