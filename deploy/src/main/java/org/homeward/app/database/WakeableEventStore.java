package org.homeward.app.database;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's event store, which its processors read through, woken from outside. Axon wakes it itself after an append
 * in this process; events another process appended it finds at its next poll ({@code fetchDelay}) unless
 * {@link NewEventsListener} wakes it when PostgreSQL says they are there.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Looks for new events now. */
    public void wake() {
        afterCommit(List.of());
    }
}
