package org.homeward.query.caseload;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.homeward.event.Ignores;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.ConsentGiven;
import org.homeward.journey.ConsentWithdrawn;
import org.homeward.journey.FollowUpCompleted;
import org.homeward.journey.FollowUpMissed;
import org.homeward.journey.FollowUpScheduled;
import org.homeward.journey.JourneyClosed;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.JourneyReopened;
import org.homeward.journey.JourneyTransferred;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.program.ProgramEvent;
import org.homeward.query.ReplayGuard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps every journey's caseload entry: who has it, whether it is open, its last milestone and its next
 * follow-up, the last two kept on the journey's row so that a page sorts on one index. Runs in the processor's
 * transaction, so a row change and the token advance commit together. Every handler first moves the journey's
 * version forward and stops if the event was applied before, which makes replaying a batch harmless.
 */
@Ignores(value = ProgramEvent.class, why = "a journey shows the program standing its milestones carry")
@Component
@ProcessingGroup(CaseloadProjection.NAME)
class CaseloadProjection {

    static final String NAME = "caseload";

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final ReplayGuard replay;

    CaseloadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.replay = new ReplayGuard(jdbc, "caseload_journey");
    }

    @EventHandler
    void on(JourneyOpened event, @SequenceNumber long version) {
        sql.sql("""
               insert into caseload_journey (journey_id, organisation_id, case_manager_id, intake_date, version)
               values (:journey, :organisation, :caseManager, :intake, :version)
               on conflict (journey_id) do nothing
               """)
           .param("journey", event.journeyId())
           .param("organisation", event.organisationId())
           .param("caseManager", event.caseManagerId())
           .param("intake", event.intakeDate())
           .param("version", version)
           .update();
    }

    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            sql.sql("""
                   insert into caseload_milestone (journey_id, milestone_id, type, occurred_on, recorded_version)
                   values (:journey, :milestone, :type, :occurredOn, :version)
                   """)
               .param("journey", event.journeyId())
               .param("milestone", event.milestoneId())
               .param("type", event.type().name())
               .param("occurredOn", event.occurredOn())
               .param("version", version)
               .update();
            findLastMilestone(event.journeyId());
        }
    }

    @EventHandler
    void on(MilestoneCorrected event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("""
                        update caseload_milestone set type = ?, occurred_on = ?
                        where journey_id = ? and milestone_id = ?
                        """,
                        event.type().name(), event.occurredOn(), event.journeyId(), event.milestoneId());
            findLastMilestone(event.journeyId());
        }
    }

    @EventHandler
    void on(MilestoneRetracted event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("delete from caseload_milestone where journey_id = ? and milestone_id = ?",
                        event.journeyId(), event.milestoneId());
            findLastMilestone(event.journeyId());
        }
    }

    @EventHandler
    void on(FollowUpScheduled event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            sql.sql("""
                   insert into caseload_follow_up (journey_id, follow_up_id, due_on, purpose, scheduled_version)
                   values (:journey, :followUp, :dueOn, :purpose, :version)
                   """)
               .param("journey", event.journeyId())
               .param("followUp", event.followUpId())
               .param("dueOn", event.dueOn())
               .param("purpose", event.purpose().name())
               .param("version", version)
               .update();
            findNextFollowUp(event.journeyId());
        }
    }

    @EventHandler
    void on(FollowUpCompleted event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            dropFollowUp(event.journeyId(), event.followUpId());
        }
    }

    @EventHandler
    void on(FollowUpMissed event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            dropFollowUp(event.journeyId(), event.followUpId());
        }
    }

    @EventHandler
    void on(JourneyClosed event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("update caseload_journey set closed = true where journey_id = ?", event.journeyId());
        }
    }

    /** A reopened journey comes back with the follow-ups that were still scheduled when it closed. */
    @EventHandler
    void on(JourneyReopened event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("update caseload_journey set closed = false where journey_id = ?", event.journeyId());
        }
    }

    @EventHandler
    void on(CaseManagerAssigned event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("update caseload_journey set case_manager_id = ? where journey_id = ?",
                        event.caseManagerId(), event.journeyId());
        }
    }

    @EventHandler
    void on(JourneyTransferred event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("update caseload_journey set organisation_id = ?, case_manager_id = ? where journey_id = ?",
                        event.toOrganisationId(), event.caseManagerId(), event.journeyId());
        }
    }

    // The events below change nothing a caseload shows, but each is a journey version: an entry's version must
    // reach the one a writer was answered, or a client waiting for its own write would wait forever.

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long version) {
        replay.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long version) {
        replay.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReintegrationAssessed event, @SequenceNumber long version) {
        replay.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long version) {
        replay.advance(event.journeyId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from caseload_journey");
    }

    /** Sets the journey's last milestone, or none, from its standing milestones. */
    private void findLastMilestone(UUID journeyId) {
        jdbc.update("""
                    update caseload_journey j
                    set (last_milestone_id, last_milestone_type, last_milestone_on) =
                        (select m.milestone_id, m.type, m.occurred_on
                         from caseload_milestone m where m.journey_id = j.journey_id
                         order by m.occurred_on desc, m.recorded_version desc
                         limit 1)
                    where j.journey_id = ?
                    """,
                    journeyId);
    }

    private void dropFollowUp(UUID journeyId, UUID followUpId) {
        jdbc.update("delete from caseload_follow_up where journey_id = ? and follow_up_id = ?", journeyId, followUpId);
        findNextFollowUp(journeyId);
    }

    /** Sets the journey's next follow-up, or none, from its scheduled follow-ups. */
    private void findNextFollowUp(UUID journeyId) {
        jdbc.update("""
                    update caseload_journey j
                    set (next_follow_up_id, next_follow_up_due_on, next_follow_up_purpose) =
                        (select f.follow_up_id, f.due_on, f.purpose
                         from caseload_follow_up f where f.journey_id = j.journey_id
                         order by f.due_on, f.scheduled_version
                         limit 1)
                    where j.journey_id = ?
                    """,
                    journeyId);
    }
}
