package org.homeward.command;

import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.homeward.command.journey.Journey;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Everything the write side contributes to an application: aggregates, their endpoints and command delivery. */
@Configuration
// as @SpringBootApplication scans: a test's own configuration (a controller slice's, say) stays in that test
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EnableConfigurationProperties(CommandSettings.class)
public class CommandSide implements WebMvcConfigurer {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, CommandSettings settings) {
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(new RetryOnConcurrentAppend(
                                            settings.commands().concurrentAppendRetries()))
                                    .build();
    }

    /**
     * Journeys kept in memory between commands, checked against the store's head before each decision, so the
     * default is right with any number of command processes ({@code homeward.commands.journey-cache=false}
     * replays every journey from the store instead).
     */
    @Bean
    Repository<Journey> journeyRepository(EventStore events, ParameterResolverFactory parameterResolvers,
                                          HandlerDefinition handlers, CommandSettings settings) {
        EventSourcingRepository.Builder<Journey> journeys = EventSourcingRepository.builder(Journey.class)
                                                                                   .parameterResolverFactory(
                                                                                           parameterResolvers)
                                                                                   .handlerDefinition(handlers);
        return settings.commands().journeyCache()
               ? new HeadCheckedRepository<>(journeys, events, new WeakReferenceCache())
               : journeys.eventStore(events).build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SubmissionResolver());
    }
}
