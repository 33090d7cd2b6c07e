package org.homeward.app.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
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
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry applicationRegistry) {
        return new GlobalMetricRegistry(applicationRegistry);
    }
}
