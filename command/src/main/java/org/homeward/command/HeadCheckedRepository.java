package org.homeward.command;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Keeps aggregates in memory between commands, so a command need not replay a journey's whole history, and is
 * right however many processes take commands: before a cached aggregate decides, its version is compared with
 * the last position the store holds for it (one indexed lookup instead of the whole history), and a journey that
 * another process changed meanwhile is loaded again. A change that lands after that comparison is caught by the
 * store's unique (journey, position) key when this command appends, or came after the moment the command was
 * decided, as it would on one process.
 */
final class HeadCheckedRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore events;
    private final Cache cache;

    HeadCheckedRepository(EventSourcingRepository.Builder<T> builder, EventStore events, Cache cache) {
        super(builder.eventStore(events).cache(cache));
        this.events = events;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateId, Long expectedVersion) {
        if (!cache.containsKey(aggregateId)) {
            return super.doLoadWithLock(aggregateId, expectedVersion);
        }
        EventSourcedAggregate<T> cached = super.doLoadWithLock(aggregateId, expectedVersion);
        if (Objects.equals(cached.version(), events.lastSequenceNumberFor(aggregateId).orElse(null))) {
            return cached;
        }
        cache.remove(aggregateId);
        return super.doLoadWithLock(aggregateId, expectedVersion);
    }
}
