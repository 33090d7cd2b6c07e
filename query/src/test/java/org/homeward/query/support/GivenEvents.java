package org.homeward.query.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.homeward.journey.JourneyEvent;
import org.homeward.program.ProgramEvent;
import org.homeward.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands events to a projection as its processor would: each as the next event of its journey or program, with the
 * sequence number the event store would have given it, the events of one call as one batch; with an event store,
 * stored there first, as Axon would.
 */
public final class GivenEvents {

    private final Object projection;
    private final JdbcTemplate eventStore;
    private final Map<UUID, Long> next = new HashMap<>();
    private final Map<String, GenericDomainEventMessage<Object>> delivered = new HashMap<>();

    public GivenEvents(Object projection) {
        this(projection, null);
    }

    /** @param eventStore a database with the event store's table ({@link ReadModelDatabase#freshWithEventStore}) */
    public GivenEvents(Object projection, JdbcTemplate eventStore) {
        this.projection = projection;
        this.eventStore = eventStore;
    }

    /** The events as one batch, as a processor hands on the events it fetched together. */
    public GivenEvents given(JourneyEvent... events) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (JourneyEvent event : events) {
            batch.add(next("Journey", event.journeyId(), event));
        }
        handle(batch);
        return this;
    }

    public GivenEvents given(ProgramEvent... events) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (ProgramEvent event : events) {
            batch.add(next("Program", event.programId(), event));
        }
        handle(batch);
        return this;
    }

    /** The event delivered again at the sequence number it had, as a batch replayed after a crash would be. */
    public GivenEvents again(JourneyEvent event, long sequenceNumber) {
        handle(List.of(message("Journey", event.journeyId(), sequenceNumber, event)));
        return this;
    }

    /** The sequence number of the journey's or program's last event so far. */
    public long version(UUID id) {
        return next.getOrDefault(id, 0L) - 1;
    }

    private DomainEventMessage<?> next(String type, UUID id, Object event) {
        long sequenceNumber = next.merge(id, 1L, Long::sum) - 1;
        return message(type, id, sequenceNumber, event);
    }

    private DomainEventMessage<?> message(String type, UUID id, long sequenceNumber, Object event) {
        // delivered again, it is the same message: same identifier, as a replayed batch hands it on
        GenericDomainEventMessage<Object> message = delivered.computeIfAbsent(
                id + "/" + sequenceNumber,
                key -> new GenericDomainEventMessage<>(type, id.toString(), sequenceNumber, event));
        if (eventStore != null) {
            eventStore.update("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload)
                    values (?, ?, ?, ?, ?, ?, '{}'::bytea) on conflict do nothing""",
                              message.getIdentifier(), message.getAggregateIdentifier(), sequenceNumber, type,
                              message.getTimestamp().toString(), event.getClass().getName());
        }
        return message;
    }

    /** Hands the batch on in one unit of work, whose writes go when it commits, as a processor's do. */
    private void handle(List<DomainEventMessage<?>> batch) {
        ProjectionWrites.applyAsOneBatch(projection, batch);
    }
}
