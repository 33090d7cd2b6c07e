package org.homeward.command;

import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.homeward.access.Provenance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Everything the write side contributes to an application: aggregates, their endpoints and command delivery. */
@Configuration
@ComponentScan
public class CommandSide implements WebMvcConfigurer {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${homeward.commands.concurrent-append-retries:10}") int retries) {
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(new RetryOnConcurrentAppend(retries))
                                    .build();
    }

    /**
     * Journeys kept in memory between commands, so that a command does not first replay the journey's whole history.
     * A journey changed meanwhile elsewhere is caught by the store's unique (journey, sequence) key: the failed
     * append drops the cached journey and the command is decided again on the stored history. With several command
     * nodes, switch it off ({@code homeward.commands.journey-cache=false}): a command refused on a stale journey
     * appends nothing, so nothing would catch it.
     */
    @Bean
    Cache journeyCache(@Value("${homeward.commands.journey-cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /** Copies each command's provenance onto the events it causes. */
    @Bean
    CorrelationDataProvider provenanceOnEvents() {
        return new SimpleCorrelationDataProvider(Provenance.KEYS);
    }

    /** Axon's correlation and causation ids; declared because declaring any provider replaces Axon's default. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SubmissionResolver());
    }
}
