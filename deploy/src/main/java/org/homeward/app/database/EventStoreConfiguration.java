package org.homeward.app.database;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store: Axon's JDBC storage engine on PostgreSQL. JDBC rather than JPA because the tables are ours
 * (Flyway, bytea payloads, snake_case), there is no entity mapping to maintain, and JPA's {@code @Lob} would put
 * payloads into PostgreSQL large objects. The tokens live in the same database, so the processors commit a
 * projection change and their token advance in one transaction.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

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
     * A global index can become visible after higher ones when its transaction commits late; processors keep
     * such gaps and look again until {@code gapTimeout}. Write transactions are bounded far below it (statement
     * and idle-in-transaction timeouts on every connection), so a gap older than the timeout is a rolled-back
     * insert, never an event still to come.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${homeward.event-store.gap-timeout:10m}") Duration gapTimeout) {
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
