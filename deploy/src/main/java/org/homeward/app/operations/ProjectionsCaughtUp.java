package org.homeward.app.operations;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Says once after start when every projection this process runs has caught up with the event store: from then
 * on its reads are as current as the writes. A process holding none of a projection's segments leaves that
 * projection to the processes that hold them.
 */
@Component
class ProjectionsCaughtUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionsCaughtUp.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final TaskScheduler scheduler;
    private ScheduledFuture<?> watching;

    ProjectionsCaughtUp(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                        @Qualifier("processorNodeId") String nodeId, TaskScheduler scheduler) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void watch() {
        watching = scheduler.scheduleWithFixedDelay(this::check, CHECK_EVERY);
    }

    private synchronized void check() {
        if (watching == null || watching.isCancelled()) {
            return;
        }
        List<StreamingEventProcessor> projections =
                processing.eventProcessors().values().stream()
                          .filter(StreamingEventProcessor.class::isInstance)
                          .map(StreamingEventProcessor.class::cast)
                          .toList();
        if (projections.stream().allMatch(this::caughtUp)) {
            watching.cancel(false);
            if (!projections.isEmpty()) {
                log.info("Projections caught up with the event store: {}",
                         projections.stream().map(StreamingEventProcessor::getName).sorted()
                                    .collect(Collectors.joining(", ")));
            }
        }
    }

    private boolean caughtUp(StreamingEventProcessor projection) {
        var mine = projection.processingStatus().values();
        if (mine.isEmpty()) {
            return projection.isRunning() && heldElsewhere(projection.getName());
        }
        return mine.stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    /** Every segment is claimed, none by this process; a free one is about to be claimed here. */
    private boolean heldElsewhere(String projection) {
        return jdbc.queryForObject("""
                select count(*) > 0 and count(*) filter (where owner is null or owner = ?) = 0
                from token_entry where processor_name = ?
                """, Boolean.class, nodeId, projection);
    }
}
