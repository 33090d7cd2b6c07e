package org.homeward.app.database;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.EventProcessorProperties;
import org.homeward.access.Provenance;
import org.homeward.app.HomewardSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The event store and token store: Axon's JDBC storage engine and token store on PostgreSQL. JDBC rather than JPA because the tables are ours
 * (Flyway, bytea payloads, snake_case), there is no entity mapping to maintain, and JPA's {@code @Lob} would put
 * payloads into PostgreSQL large objects. The tokens live in the same database, so the processors commit a
 * projection change and their token advance in one transaction.
 *
 * <p>Everything here is declared rather than left to Axon's auto-configuration: under Spring Boot 4 Axon 4.13
 * orders its JDBC and transaction auto-configuration after Boot 3's class names, so it would silently fall back
 * to an in-memory token store and no transactions at all.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** Two writers appending the same position of one journey: PostgreSQL reports a unique violation. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Who claims segments: the JVM's name (process id and host, Axon's default) and a random part, so that a
     * process never mistakes another's claims for its own, even two in one JVM.
     */
    @Bean
    @Qualifier("processorNodeId")
    String processorNodeId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A dead process's claims expire {@code homeward.event-processing.claim-timeout} after it last updated them;
     * the others take its segments at their next claim check, so within the timeout plus one check. The timeout is
     * not shortened to hide that check: SegmentSharing counts a process alive for half the timeout after it last
     * said so, and its claims, extended every few seconds, must not expire while it still counts, or a survivor
     * would give back at once a segment it just took over.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          @Qualifier("processorNodeId") String nodeId,
                          HomewardSettings settings) {
        Duration claimTimeout = settings.eventProcessing().claimTimeout();
        return JdbcTokenStore.builder()
                             .connectionProvider(connectionProvider)
                             .serializer(serializer)
                             .schema(tokenSchema)
                             .nodeId(nodeId)
                             .claimTimeout(claimTimeout)
                             .build();
    }

    /**
     * How often every streaming processor looks for segments nobody holds: a tenth of the claim timeout, so a
     * takeover comes within 1.1 claim timeouts. Axon's default (5 s, per processor) added half the timeout again.
     */
    public static Duration claimCheck(Duration claimTimeout) {
        return claimTimeout.dividedBy(10);
    }

    /**
     * Sets the claim check of every processor configured under {@code axon.eventhandling.processors}, after the
     * properties are bound and before Axon builds the processors from them, so a new processor gets it too.
     */
    @Bean
    static BeanPostProcessor everyProcessorChecksForFreeSegments(Environment environment) {
        Duration claimTimeout = Binder.get(environment)
                                      .bind("homeward.event-processing.claim-timeout", Duration.class).get();
        long millis = claimCheck(claimTimeout).toMillis();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventProcessorProperties properties) {
                    properties.getProcessors().values().forEach(processor -> {
                        processor.setTokenClaimInterval(millis);
                        processor.setTokenClaimIntervalTimeUnit(TimeUnit.MILLISECONDS);
                    });
                }
                return bean;
            }
        };
    }

    /**
     * A projection handler that fails fails its batch: the batch and its token advance roll back and the processor
     * tries again, rather than Axon's default of logging the failure and moving past the event, which would leave
     * the read model without it for ever. In the commands' own transaction (the journey directory, person keys)
     * a failure fails the command. A poison event therefore holds its processor up, visible as
     * {@code homeward_projection_behind}, instead of silently missing from a read model.
     */
    @Bean
    ConfigurerModule failedHandlersFailTheirBatch() {
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultListenerInvocationErrorHandler(
                                               axon -> PropagatingErrorHandler.instance());
    }

    /**
     * A command's provenance and Axon's correlation and causation ids, copied onto the events it causes. Only a
     * command's: Axon asks the providers for every message a handler gets, and for an event in a projection the
     * answer is never used (projections send nothing) but costs reading the event's metadata, a tenth of a
     * rebuild's time (deploy/bench). Declaring this provider replaces Axon's default, in every role.
     */
    @Bean
    CorrelationDataProvider commandProvenance() {
        CorrelationDataProvider provenance = new SimpleCorrelationDataProvider(Provenance.KEYS);
        CorrelationDataProvider origin = new MessageOriginProvider();
        return message -> {
            if (!(message instanceof CommandMessage<?>)) {
                return Map.of();
            }
            Map<String, Object> data = new HashMap<>(provenance.correlationDataFor(message));
            data.putAll(origin.correlationDataFor(message));
            return data;
        };
    }

    /**
     * A replay token names the classes of the tokens it wraps; Jackson 3 refuses such class names unless told
     * which may be trusted. Only Axon's own token classes are.
     */
    @Bean
    Jackson3SerializerCustomizer trustAxonTokenClasses() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                                                                                      .allowIfSubType("org.axonframework.")
                                                                                      .build());
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable("domain_event_entry")
                          .snapshotTable("snapshot_event_entry")
                          .globalIndexColumn("global_index")
                          .timestampColumn("time_stamp")
                          .eventIdentifierColumn("event_identifier")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .payloadTypeColumn("payload_type")
                          .payloadRevisionColumn("payload_revision")
                          .payloadColumn("payload")
                          .metaDataColumn("meta_data")
                          .build();
    }

    /**
     * Axon's embedded event store, which processors read through, made wakeable: woken after an append here (Axon)
     * and after one in another process ({@link NewEventsListener}); it polls only as the fallback. Its reading thread
     * is told to stop when the bean is destroyed, before the data source it reads from: otherwise it went on
     * polling a closed pool after every shutdown and logged an error each time (a read already under way when the
     * pool closes still fails once).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus", destroyMethod = "shutDown")
    WakeableEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  HomewardSettings settings) {
        return new WakeableEventStore(EmbeddedEventStore.builder()
                                                        .storageEngine(storageEngine)
                                                        .fetchDelay(settings.eventStore().pollInterval().toMillis())
                                                        .messageMonitor(axon.messageMonitor(EventStore.class,
                                                                                            "eventStore"))
                                                        .spanFactory(axon.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                          .setTokenTable("token_entry")
                          .setProcessorNameColumn("processor_name")
                          .setSegmentColumn("segment")
                          .setTokenColumn("token")
                          .setTokenTypeColumn("token_type")
                          .setTimestampColumn("time_stamp")
                          .setOwnerColumn("owner")
                          .build();
    }

    /**
     * Positions are drawn in commit order (V1000, a lock every append takes before its position is drawn), so a
     * position below the highest one seen never appears later: a gap is a rolled-back append. Axon's engine still
     * tracks gaps and looks at them again until {@code gapTimeout}; that only costs a little work per fetch and
     * decides nothing, whatever the clocks of the writers and however far a processor lags.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          HomewardSettings settings) {
        Duration gapTimeout = settings.eventStore().gapTimeout();
        return JdbcEventStorageEngine.builder()
                                     .snapshotSerializer(serializer)
                                     .eventSerializer(eventSerializer)
                                     .upcasterChain(configuration.upcasterChain())
                                     .snapshotFilter(configuration.snapshotFilter())
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .connectionProvider(connectionProvider)
                                     .transactionManager(transactionManager)
                                     .schema(eventSchema)
                                     .dataType(byte[].class)
                                     .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                                     .build();
    }
}
