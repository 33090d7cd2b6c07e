package org.homeward.query;

import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Everything the read side contributes to an application: projections, their queries and endpoints. */
@org.springframework.context.annotation.Configuration
// as @SpringBootApplication scans: a test's own configuration (a controller slice's) is left out of the application
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EnableConfigurationProperties(QuerySettings.class)
public class QuerySide {

    /**
     * Axon's default query bus runs every handler in a transaction. Ours choose their own: a read that waits for
     * the projection must not hold a connection while it waits, and a timeline is read in one repeatable-read
     * snapshot, which a surrounding read-committed transaction would silently overrule.
     */
    @Bean
    @Qualifier("localSegment")
    QueryBus queryBus(Configuration axon) {
        return SimpleQueryBus.builder()
                             .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                             .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                                                             () -> LoggingQueryInvocationErrorHandler.builder()
                                                                                                     .build()))
                             .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                             .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                             .build();
    }
}
