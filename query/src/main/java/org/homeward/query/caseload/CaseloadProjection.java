package org.homeward.query.caseload;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
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
import org.homeward.journey.ReferralAccepted;
import org.homeward.journey.ReferralClosedUnmet;
import org.homeward.journey.ReferralCompleted;
import org.homeward.journey.ReferralDeclined;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReferralRevoked;
import org.homeward.journey.ReferralStarted;
import org.homeward.journey.PossibleDuplicateDismissed;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.RiskFlagResolved;
import org.homeward.journey.RiskFlagged;
import org.homeward.journey.SamePersonConfirmed;
import org.homeward.program.ProgramEvent;
import org.homeward.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every journey's caseload entry: who has it, whether it is open, its last milestone, its next follow-up and
 * its open risk flags, the last three kept on the journey's row so that a page sorts on one index, and found again
 * once per batch for each journey whose milestones, follow-ups or flags changed. Its writes go with the
 * processor's batch and commit with the token advance ({@link ProjectionWrites}); every handler goes on only if
 * its event is new to the journey, which makes replaying a batch harmless.
 */
@Ignores(value = {ProgramEvent.class, SamePersonConfirmed.class, PossibleDuplicateDismissed.class},
         why = "a journey shows the program standing its milestones carry; a caseload lists journeys one by one,"
               + " linked or not")
@Component
@ProcessingGroup(CaseloadProjection.NAME)
class CaseloadProjection {

    static final String NAME = "caseload";

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;
    // one instance each: a batch derives once per derivation instance and journey (ProjectionWrites.derive)
    private final Consumer<Set<UUID>> findLastMilestone = this::findLastMilestone;
    private final Consumer<Set<UUID>> findNextFollowUp = this::findNextFollowUp;
    private final Consumer<Set<UUID>> findRiskFlags = this::findRiskFlags;

    CaseloadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new ProjectionWrites(jdbc, "caseload_journey");
    }

    @EventHandler
    void on(JourneyOpened event, @SequenceNumber long version) {
        if (writes.open(event.journeyId(), version)) {
            writes.write("""
                         insert into caseload_journey (journey_id, organisation_id, case_manager_id, intake_date,
                             version)
                         values (?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.organisationId(), event.caseManagerId(), event.intakeDate(),
                         version);
        }
    }

    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into caseload_milestone (journey_id, milestone_id, type, occurred_on,
                             recorded_version)
                         values (?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.milestoneId(), event.type().name(), event.occurredOn(), version);
            writes.derive(event.journeyId(), findLastMilestone);
        }
    }

    @EventHandler
    void on(MilestoneCorrected event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update caseload_milestone set type = ?, occurred_on = ? where journey_id = ? and milestone_id = ?",
                         event.type().name(), event.occurredOn(), event.journeyId(), event.milestoneId());
            writes.derive(event.journeyId(), findLastMilestone);
        }
    }

    @EventHandler
    void on(MilestoneRetracted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("delete from caseload_milestone where journey_id = ? and milestone_id = ?",
                         event.journeyId(), event.milestoneId());
            writes.derive(event.journeyId(), findLastMilestone);
        }
    }

    @EventHandler
    void on(FollowUpScheduled event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into caseload_follow_up (journey_id, follow_up_id, due_on, purpose,
                             scheduled_version)
                         values (?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.followUpId(), event.dueOn(), event.purpose().name(), version);
            writes.derive(event.journeyId(), findNextFollowUp);
        }
    }

    @EventHandler
    void on(FollowUpCompleted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            dropFollowUp(event.journeyId(), event.followUpId());
        }
    }

    @EventHandler
    void on(FollowUpMissed event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            dropFollowUp(event.journeyId(), event.followUpId());
        }
    }

    @EventHandler
    void on(RiskFlagged event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("insert into caseload_risk_flag (journey_id, flag_id, review_on) values (?, ?, ?)",
                         event.journeyId(), event.flagId(), event.reviewOn());
            writes.derive(event.journeyId(), findRiskFlags);
        }
    }

    @EventHandler
    void on(RiskFlagResolved event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("delete from caseload_risk_flag where journey_id = ? and flag_id = ?", event.journeyId(),
                         event.flagId());
            writes.derive(event.journeyId(), findRiskFlags);
        }
    }

    @EventHandler
    void on(JourneyClosed event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update caseload_journey set closed = true where journey_id = ?", event.journeyId());
        }
    }

    /** A reopened journey comes back with the follow-ups that were still scheduled when it closed. */
    @EventHandler
    void on(JourneyReopened event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update caseload_journey set closed = false where journey_id = ?", event.journeyId());
        }
    }

    @EventHandler
    void on(CaseManagerAssigned event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update caseload_journey set case_manager_id = ? where journey_id = ?",
                         event.caseManagerId(), event.journeyId());
        }
    }

    @EventHandler
    void on(JourneyTransferred event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update caseload_journey set organisation_id = ?, case_manager_id = ? where journey_id = ?",
                         event.toOrganisationId(), event.caseManagerId(), event.journeyId());
        }
    }

    // The events below change nothing a caseload shows, but each is a journey version: an entry's version must
    // reach the one a writer was answered, or a client waiting for its own write would wait forever.

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReintegrationAssessed event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReferralReceived event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReferralMade event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReferralStarted event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReferralCompleted event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReferralClosedUnmet event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(ReferralRevoked event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("""
                     delete from caseload_milestone; delete from caseload_follow_up; delete from caseload_risk_flag;
                     delete from caseload_journey
                     """);
    }

    private void dropFollowUp(UUID journeyId, UUID followUpId) {
        writes.write("delete from caseload_follow_up where journey_id = ? and follow_up_id = ?", journeyId, followUpId);
        writes.derive(journeyId, findNextFollowUp);
    }

    /** Sets each journey's last milestone, or none, from its standing milestones. */
    private void findLastMilestone(Set<UUID> journeys) {
        jdbc.update("""
                    update caseload_journey j
                    set (last_milestone_id, last_milestone_type, last_milestone_on) =
                        (select m.milestone_id, m.type, m.occurred_on
                         from caseload_milestone m where m.journey_id = j.journey_id
                         order by m.occurred_on desc, m.recorded_version desc
                         limit 1)
                    where j.journey_id = any(?::uuid[])
                    """,
                    (Object) ProjectionWrites.ids(journeys));
    }

    /** Sets each journey's next follow-up, or none, from its scheduled follow-ups. */
    private void findNextFollowUp(Set<UUID> journeys) {
        jdbc.update("""
                    update caseload_journey j
                    set (next_follow_up_id, next_follow_up_due_on, next_follow_up_purpose) =
                        (select f.follow_up_id, f.due_on, f.purpose
                         from caseload_follow_up f where f.journey_id = j.journey_id
                         order by f.due_on, f.scheduled_version
                         limit 1)
                    where j.journey_id = any(?::uuid[])
                    """,
                    (Object) ProjectionWrites.ids(journeys));
    }

    /** Sets each journey's count of open risk flags and their earliest review, or none, from its open flags. */
    private void findRiskFlags(Set<UUID> journeys) {
        jdbc.update("""
                    update caseload_journey j
                    set (open_risk_flags, next_risk_review_on) =
                        (select count(*), min(f.review_on) from caseload_risk_flag f where f.journey_id = j.journey_id)
                    where j.journey_id = any(?::uuid[])
                    """,
                    (Object) ProjectionWrites.ids(journeys));
    }
}
