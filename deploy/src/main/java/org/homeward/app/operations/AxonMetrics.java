package org.homeward.app.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends Axon's metrics (buses, event store) to the application's meter registry, and so to /actuator/prometheus.
 * Axon's own auto-configuration still orders itself after Spring Boot 3's metric classes; under Boot 4 it would
 * otherwise bind to a private in-memory registry that nothing exports.
 *
 * <p>Event processors get {@link ProcessorMonitor} instead of Axon's four monitors: those look up or register a
 * meter for every event, tagged by its type, and parse its timestamp, a quarter of a rebuild's time in the
 * processor thread (deploy/bench).
 */
@Configuration(proxyBeanMethods = false)
class AxonMetrics {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry applicationRegistry) {
        return new GlobalMetricRegistry(applicationRegistry) {
            @Override
            public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> component,
                                                                                         String name) {
                return EventProcessor.class.isAssignableFrom(component)
                       ? new ProcessorMonitor(name, applicationRegistry)
                       : super.registerComponentWithDefaultTags(component, name);
            }
        };
    }

    /**
     * Per processor: events handled, ignored (not this processor's, or not its segment's) and failed
     * ({@code homeward.projection.events}), and the age of an event when it was handled, sampled at most ten times
     * a second ({@code homeward.projection.latency}). Meters are registered once; an event costs a counter increment.
     */
    static final class ProcessorMonitor implements MessageMonitor<EventMessage<?>> {

        private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

        private final Counter handled;
        private final Counter ignored;
        private final Counter failed;
        private final AtomicLong latencyMillis = new AtomicLong();
        private final AtomicLong nextSample = new AtomicLong(System.nanoTime());
        private final MonitorCallback callback = new MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                failed.increment();
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };

        ProcessorMonitor(String processor, MeterRegistry registry) {
            handled = events(processor, "handled", registry);
            ignored = events(processor, "ignored", registry);
            failed = events(processor, "failed", registry);
            Gauge.builder("homeward.projection.latency", latencyMillis, AtomicLong::get)
                 .baseUnit("milliseconds")
                 .description("how old an event was when this processor handled it, sampled")
                 .tag("processor", processor)
                 .register(registry);
        }

        private static Counter events(String processor, String outcome, MeterRegistry registry) {
            return Counter.builder("homeward.projection.events")
                          .description("events this processor was handed, by what it did with them")
                          .tags("processor", processor, "outcome", outcome)
                          .register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            long now = System.nanoTime();
            long due = nextSample.get();
            if (now - due >= 0 && nextSample.compareAndSet(due, now + SAMPLE_NANOS)) {
                latencyMillis.set(Math.max(0, Instant.now().toEpochMilli() - message.getTimestamp().toEpochMilli()));
            }
            return callback;
        }
    }
}
