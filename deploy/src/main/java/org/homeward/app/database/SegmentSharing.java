package org.homeward.app.database;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.homeward.app.HomewardSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Shares each event processor's segments among the processes that run it. Axon without Axon Server lets the
 * first process claim every segment and the others none, so a second query process would add nothing. Every
 * process says every few seconds which processors it runs; one holding more than its fair share (segments
 * divided by the processes alive, rounded up) lets go of the rest for long enough that another claims them.
 * A process that dies stops saying so well before its claims expire, so when they do, the others' fair share has
 * grown and they take its segments over within the claim timeout. A process that stops says so at once, so that
 * one started right after it (a restart) does not give up segments to a process that is gone.
 */
@Component
class SegmentSharing {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final Duration aliveFor;
    private final Duration releaseFor;

    SegmentSharing(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                   @Qualifier("processorNodeId") String nodeId,
                   HomewardSettings settings) {
        Duration claimTimeout = settings.eventProcessing().claimTimeout();
        this.processing = processing;
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.aliveFor = claimTimeout.dividedBy(2);
        this.releaseFor = claimTimeout;
    }

    @Scheduled(fixedDelayString = "${homeward.event-processing.share-interval}")
    void share() {
        for (StreamingEventProcessor processor : streamingProcessors()) {
            String name = processor.getName();
            jdbc.update("""
                        insert into processor_member (processor_name, node_id, seen_at) values (?, ?, now())
                        on conflict (processor_name, node_id) do update set seen_at = now()
                        """, name, nodeId);
            jdbc.update("delete from processor_member where processor_name = ? and seen_at < now() - ?::interval",
                        name, aliveFor.multipliedBy(4).toMillis() + " milliseconds");
            int alive = jdbc.queryForObject("""
                    select count(*) from processor_member where processor_name = ? and seen_at >= now() - ?::interval
                    """, Integer.class, name, aliveFor.toMillis() + " milliseconds");
            int segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                                               Integer.class, name);
            int fairShare = (segments + alive - 1) / Math.max(alive, 1);
            List<Integer> mine = processor.processingStatus().keySet().stream().sorted().toList();
            for (int segment : mine.subList(Math.min(fairShare, mine.size()), mine.size())) {
                processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @PreDestroy
    void leave() {
        jdbc.update("delete from processor_member where node_id = ?", nodeId);
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance)
                         .map(StreamingEventProcessor.class::cast)
                         .toList();
    }
}
