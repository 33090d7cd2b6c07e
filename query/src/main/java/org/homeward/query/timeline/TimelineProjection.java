package org.homeward.query.timeline;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.homeward.journey.JourneyClosed;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.Timeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each journey's timeline from its events. Runs in the processor's transaction, so a row change and the
 * token advance commit together. Every handler first moves the journey's version forward and stops if the
 * event was applied before, which makes replaying a batch harmless.
 */
@Component
@ProcessingGroup(TimelineProjection.NAME)
class TimelineProjection {

    static final String NAME = "timeline";

    private final JdbcTemplate jdbc;

    TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JourneyOpened event, @SequenceNumber long version) {
        jdbc.update("""
                    insert into timeline_journey (journey_id, organisation_id, case_manager_id, intake_date, age_band,
                        gender, nationality, form_of_exploitation, status, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (journey_id) do nothing
                    """,
                    event.journeyId(), event.organisationId(), event.caseManagerId(), event.intakeDate(),
                    event.profile().ageBand().name(), event.profile().gender().name(),
                    event.profile().nationality(), event.profile().formOfExploitation().name(),
                    Timeline.Status.OPEN.name(), version);
    }

    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long version) {
        if (advance(event.journeyId(), version)) {
            jdbc.update("""
                        insert into timeline_milestone (journey_id, milestone_id, type, occurred_on, note,
                            recorded_version)
                        values (?, ?, ?, ?, ?, ?)
                        """,
                        event.journeyId(), event.milestoneId(), event.type().name(), event.occurredOn(),
                        event.note(), version);
            addRevision(event.journeyId(), event.milestoneId(), version, event.type().name(), event.occurredOn(),
                        event.note(), null);
        }
    }

    @EventHandler
    void on(MilestoneCorrected event, @SequenceNumber long version) {
        if (advance(event.journeyId(), version)) {
            jdbc.update("""
                        update timeline_milestone set type = ?, occurred_on = ?, note = ?
                        where journey_id = ? and milestone_id = ?
                        """,
                        event.type().name(), event.occurredOn(), event.note(), event.journeyId(),
                        event.milestoneId());
            addRevision(event.journeyId(), event.milestoneId(), version, event.type().name(), event.occurredOn(),
                        event.note(), event.reason());
        }
    }

    @EventHandler
    void on(MilestoneRetracted event, @SequenceNumber long version) {
        if (advance(event.journeyId(), version)) {
            jdbc.update("""
                        update timeline_milestone set retracted = true, retraction_reason = ?
                        where journey_id = ? and milestone_id = ?
                        """,
                        event.reason(), event.journeyId(), event.milestoneId());
        }
    }

    @EventHandler
    void on(JourneyClosed event, @SequenceNumber long version) {
        if (advance(event.journeyId(), version)) {
            jdbc.update("""
                        update timeline_journey set status = ?, closed_on = ?, closure_reason = ?
                        where journey_id = ?
                        """,
                        Timeline.Status.CLOSED.name(), event.closedOn(), event.reason().name(), event.journeyId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from timeline_journey");
    }

    /** Moves the journey to {@code version}; false when the event was applied before. */
    private boolean advance(UUID journeyId, long version) {
        return jdbc.update("update timeline_journey set version = ? where journey_id = ? and version < ?",
                           version, journeyId, version) == 1;
    }

    private void addRevision(UUID journeyId, UUID milestoneId, long version, String type, LocalDate occurredOn,
                             String note, String correctionReason) {
        jdbc.update("""
                    insert into timeline_milestone_revision (journey_id, milestone_id, version, type, occurred_on,
                        note, correction_reason)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """,
                    journeyId, milestoneId, version, type, occurredOn, note, correctionReason);
    }
}
