package org.homeward.app.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.homeward.app.HomewardSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends Axon's metrics (buses, event store, processors) to the application's meter registry, and so to
 * /actuator/prometheus. Axon's own auto-configuration still orders itself after Spring Boot 3's metric classes;
 * under Boot 4 it would otherwise bind to a private in-memory registry that nothing exports.
 */
@Configuration(proxyBeanMethods = false)
class AxonMetrics {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry applicationRegistry,
                                              HomewardSettings settings) {
        return new ShortCapacityWindow(applicationRegistry, settings.metrics().capacityWindow());
    }

    /**
     * Axon's processor metrics, with the capacity gauge over a short window. Axon's default window is ten
     * minutes, and its capacity monitor keeps one entry per event handled or skipped in that window: a rebuild
     * at 10,000 events/s held millions of them, more heap than the rebuild itself (deploy/bench). The other
     * monitors are Axon's own, as {@link GlobalMetricRegistry} composes them.
     */
    private static final class ShortCapacityWindow extends GlobalMetricRegistry {

        private final MeterRegistry registry;
        private final Duration window;

        ShortCapacityWindow(MeterRegistry registry, Duration window) {
            super(registry);
            this.registry = registry;
            this.window = window;
        }

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
                String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
            return new MultiMessageMonitor<>(List.of(
                    MessageTimerMonitor.buildMonitor(name, registry, tags),
                    EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(registry)
                                                .tagsBuilder(latencyTags).build(),
                    CapacityMonitor.buildMonitor(name, registry, window.toMillis(), TimeUnit.MILLISECONDS, tags),
                    MessageCountingMonitor.buildMonitor(name, registry, tags)));
        }
    }
}
