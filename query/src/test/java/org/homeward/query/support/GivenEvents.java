package org.homeward.query.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.homeward.journey.JourneyEvent;
import org.homeward.program.ProgramEvent;

/**
 * Hands events to a projection as its processor would: each as the next event of its journey or program, with the
 * sequence number the event store would have given it.
 */
public final class GivenEvents {

    private final AnnotationEventHandlerAdapter projection;
    private final Map<UUID, Long> next = new HashMap<>();

    public GivenEvents(Object projection) {
        this.projection = new AnnotationEventHandlerAdapter(projection);
    }

    public GivenEvents given(JourneyEvent... events) {
        for (JourneyEvent event : events) {
            deliver("Journey", event.journeyId(), event);
        }
        return this;
    }

    public GivenEvents given(ProgramEvent... events) {
        for (ProgramEvent event : events) {
            deliver("Program", event.programId(), event);
        }
        return this;
    }

    /** The event delivered again at the sequence number it had, as a batch replayed after a crash would be. */
    public GivenEvents again(JourneyEvent event, long sequenceNumber) {
        handle("Journey", event.journeyId(), sequenceNumber, event);
        return this;
    }

    /** The sequence number of the journey's or program's last event so far. */
    public long version(UUID id) {
        return next.getOrDefault(id, 0L) - 1;
    }

    private void deliver(String type, UUID id, Object event) {
        long sequenceNumber = next.merge(id, 1L, Long::sum) - 1;
        handle(type, id, sequenceNumber, event);
    }

    private void handle(String type, UUID id, long sequenceNumber, Object event) {
        try {
            projection.handle(new GenericDomainEventMessage<>(type, id.toString(), sequenceNumber, event));
        } catch (Exception e) {
            throw new AssertionError("the projection refused " + event.getClass().getSimpleName(), e);
        }
    }
}
