package org.homeward.query.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.access.Provenance;
import org.homeward.journey.FindJourneyHistory;
import org.homeward.journey.FindTimelineAsOf;
import org.homeward.journey.JourneyHistory;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.Timeline;
import org.homeward.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A journey's past, rebuilt from the event store rather than read from the projection: its timeline as known
 * at an instant, and the list of every change in recording order.
 */
@Component
class TimelineHistory {

    private static final List<String> TABLES = List.of("timeline_journey", "timeline_milestone",
                                                       "timeline_milestone_revision", "timeline_consent",
                                                       "timeline_case_assignment", "timeline_follow_up",
                                                       "timeline_assessment", "timeline_status_change",
                                                       "timeline_risk_flag", "timeline_referral",
                                                       "timeline_referral_received", "timeline_linked_journey");

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TimelineProjection projection;
    private final TimelineQueries queries;

    TimelineHistory(EventStore eventStore, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                    TimelineProjection projection, TimelineQueries queries) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.projection = projection;
        this.queries = queries;
    }

    /**
     * Runs the timeline projection itself over the events recorded up to the instant, into temporary tables that
     * shadow the real ones for this transaction only, reads the timeline from them and rolls everything back.
     * The answer is therefore exactly what the projection showed at that instant.
     */
    @QueryHandler
    Timeline handle(FindTimelineAsOf query) {
        List<? extends DomainEventMessage<?>> known = events(query.journeyId()).stream()
                .filter(event -> !event.getTimestamp().isAfter(query.asOf()))
                .toList();
        if (known.isEmpty()) {
            throw new UnknownJourneyException(query.journeyId());
        }
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            for (String table : TABLES) {
                jdbc.execute("create temporary table " + table + " (like " + table + " including all) on commit drop");
            }
            // its writes go to the temporary tables when the batch commits, inside this transaction
            ProjectionWrites.applyAsOneBatch(projection, known);
            return queries.read(query.journeyId()).orElseThrow(() -> new UnknownJourneyException(query.journeyId()));
        });
    }

    @QueryHandler
    JourneyHistory handle(FindJourneyHistory query) {
        List<? extends DomainEventMessage<?>> events = events(query.journeyId());
        if (events.isEmpty()) {
            throw new UnknownJourneyException(query.journeyId());
        }
        Map<UUID, Object> milestones = new HashMap<>();
        List<JourneyHistory.Change> changes = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            Object payload = event.getPayload();
            Object replaced = null;
            if (payload instanceof MilestoneRecorded recorded) {
                milestones.put(recorded.milestoneId(), recorded);
            } else if (payload instanceof MilestoneCorrected corrected) {
                replaced = milestones.put(corrected.milestoneId(), corrected);
            } else if (payload instanceof MilestoneRetracted retracted) {
                replaced = milestones.get(retracted.milestoneId());
            }
            changes.add(new JourneyHistory.Change(event.getSequenceNumber(), event.getTimestamp(),
                                                  payload.getClass().getSimpleName(),
                                                  Provenance.from(event.getMetaData()), payload, replaced));
        }
        return new JourneyHistory(query.journeyId(), changes);
    }

    private List<? extends DomainEventMessage<?>> events(UUID journeyId) {
        return eventStore.readEvents(journeyId.toString()).asStream().toList();
    }
}
