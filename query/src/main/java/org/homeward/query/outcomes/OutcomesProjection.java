package org.homeward.query.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.homeward.event.Ignores;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.ConsentGiven;
import org.homeward.journey.ConsentPurpose;
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
import org.homeward.journey.MilestoneType;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramRetired;
import org.homeward.program.ProgramUpdated;
import org.homeward.query.ReplayGuard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one row of outcome facts per journey. Milestones are kept as they stand (corrected in place, deleted when
 * retracted) and the journey's facts are recomputed from them after every change, which makes a corrected
 * history count exactly as if it had always been so. Runs in the processor's transaction, so a row change and
 * the token advance commit together; every journey handler first moves the journey's version forward and stops
 * if the event was applied before, which makes replaying a batch harmless.
 */
@Ignores(value = {JourneyClosed.class, JourneyReopened.class, CaseManagerAssigned.class, PersonalDataErased.class,
                  ProgramUpdated.class, ProgramRetired.class},
         why = "figures rest on milestones, consents, assessments and follow-ups; who manages a journey, whether it"
               + " is open, a program's name or retirement and the person's own data change none of them")
@Component
@ProcessingGroup(OutcomesProjection.NAME)
class OutcomesProjection {

    static final String NAME = "outcomes";

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final ReplayGuard replay;

    OutcomesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.replay = new ReplayGuard(jdbc, "outcomes_journey");
    }

    @EventHandler
    void on(JourneyOpened event, @SequenceNumber long version) {
        sql.sql("""
               insert into outcomes_journey (journey_id, organisation_id, intake_date, age_band, gender,
                   form_of_exploitation, evaluation_consent, six_months_on, twelve_months_on, version)
               values (:journey, :organisation, :intake, :ageBand, :gender, :exploitation, :evaluationConsent,
                   :sixMonthsOn, :twelveMonthsOn, :version)
               on conflict (journey_id) do nothing
               """)
           .param("journey", event.journeyId())
           .param("organisation", event.organisationId())
           .param("intake", event.intakeDate())
           .param("ageBand", event.profile().ageBand().name())
           .param("gender", event.profile().gender().name())
           .param("exploitation", event.profile().formOfExploitation().name())
           .param("evaluationConsent", event.consentGiven().contains(ConsentPurpose.PROGRAM_EVALUATION))
           .param("sixMonthsOn", JourneyFacts.sixMonthsAfter(event.intakeDate()))
           .param("twelveMonthsOn", JourneyFacts.twelveMonthsAfter(event.intakeDate()))
           .param("version", version)
           .update();
    }

    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)
            && keep(event.journeyId(), event.milestoneId(), event.type(), event.occurredOn(), event.programId())) {
            recompute(event.journeyId());
        }
    }

    /** The corrected milestone replaces the recorded one whole; it may now matter to a figure, or no longer. */
    @EventHandler
    void on(MilestoneCorrected event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            boolean dropped = drop(event.journeyId(), event.milestoneId());
            boolean kept = keep(event.journeyId(), event.milestoneId(), event.type(), event.occurredOn(),
                                event.programId());
            if (dropped || kept) {
                recompute(event.journeyId());
            }
        }
    }

    @EventHandler
    void on(MilestoneRetracted event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version) && drop(event.journeyId(), event.milestoneId())) {
            recompute(event.journeyId());
        }
    }

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version) && event.purpose() == ConsentPurpose.PROGRAM_EVALUATION) {
            jdbc.update("update outcomes_journey set evaluation_consent = true where journey_id = ?",
                        event.journeyId());
        }
    }

    /** From the withdrawal on, the journey counts in no figure, whatever happened before it. */
    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version) && event.purpose() == ConsentPurpose.PROGRAM_EVALUATION) {
            jdbc.update("update outcomes_journey set evaluation_consent = false where journey_id = ?",
                        event.journeyId());
        }
    }

    @EventHandler
    void on(JourneyTransferred event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("update outcomes_journey set organisation_id = ? where journey_id = ?",
                        event.toOrganisationId(), event.journeyId());
        }
    }

    @EventHandler
    void on(ReintegrationAssessed event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            sql.sql("""
                   insert into outcomes_assessment (journey_id, assessment_id, assessed_on, version, economic,
                       social, psychosocial)
                   values (:journey, :assessment, :assessedOn, :version, :economic, :social, :psychosocial)
                   """)
               .param("journey", event.journeyId())
               .param("assessment", event.assessmentId())
               .param("assessedOn", event.assessedOn())
               .param("version", version)
               .param("economic", event.scores().economic())
               .param("social", event.scores().social())
               .param("psychosocial", event.scores().psychosocial())
               .update();
            // first and latest by the day assessed, not by the order recorded: a late entry of an early
            // assessment must count as the early one
            jdbc.update("""
                        update outcomes_journey j set
                            assessments = (select count(*) from outcomes_assessment a
                                           where a.journey_id = j.journey_id),
                            (first_economic, first_social, first_psychosocial) =
                                (select economic, social, psychosocial from outcomes_assessment a
                                 where a.journey_id = j.journey_id order by assessed_on, version limit 1),
                            (latest_economic, latest_social, latest_psychosocial) =
                                (select economic, social, psychosocial from outcomes_assessment a
                                 where a.journey_id = j.journey_id order by assessed_on desc, version desc limit 1)
                        where j.journey_id = ?
                        """,
                        event.journeyId());
        }
    }

    @EventHandler
    void on(FollowUpScheduled event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("insert into outcomes_follow_up (journey_id, follow_up_id, due_on) values (?, ?, ?)",
                        event.journeyId(), event.followUpId(), event.dueOn());
        }
    }

    @EventHandler
    void on(FollowUpCompleted event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("""
                        update outcomes_journey j set
                            follow_ups_resolved = follow_ups_resolved + 1,
                            follow_ups_on_time = follow_ups_on_time + case when ? <= f.due_on then 1 else 0 end
                        from outcomes_follow_up f
                        where j.journey_id = ? and f.journey_id = j.journey_id and f.follow_up_id = ?
                        """,
                        event.completedOn(), event.journeyId(), event.followUpId());
            resolve(event.journeyId(), event.followUpId());
        }
    }

    @EventHandler
    void on(FollowUpMissed event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("update outcomes_journey set follow_ups_resolved = follow_ups_resolved + 1"
                        + " where journey_id = ?", event.journeyId());
            resolve(event.journeyId(), event.followUpId());
        }
    }

    @EventHandler
    void on(ProgramDefined event) {
        jdbc.update("insert into outcomes_program (program_id) values (?) on conflict do nothing", event.programId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from outcomes_journey");
        jdbc.update("delete from outcomes_program");
    }

    /** Stores a standing milestone if some figure depends on it; answers whether it did. */
    private boolean keep(UUID journeyId, UUID milestoneId, MilestoneType type, LocalDate occurredOn, UUID programId) {
        if (!JourneyFacts.dependsOn(type, programId)) {
            return false;
        }
        sql.sql("""
               insert into outcomes_milestone (journey_id, milestone_id, type, occurred_on, program_id)
               values (:journey, :milestone, :type, :occurredOn, :program)
               """)
           .param("journey", journeyId)
           .param("milestone", milestoneId)
           .param("type", type.name())
           .param("occurredOn", occurredOn)
           .param("program", programId)
           .update();
        return true;
    }

    private boolean drop(UUID journeyId, UUID milestoneId) {
        return jdbc.update("delete from outcomes_milestone where journey_id = ? and milestone_id = ?",
                           journeyId, milestoneId) == 1;
    }

    private void resolve(UUID journeyId, UUID followUpId) {
        jdbc.update("delete from outcomes_follow_up where journey_id = ? and follow_up_id = ?", journeyId, followUpId);
    }

    /** Derives the journey's facts again from its standing milestones and stores them. */
    private void recompute(UUID journeyId) {
        LocalDate intakeDate = jdbc.queryForObject("select intake_date from outcomes_journey where journey_id = ?",
                                                   LocalDate.class, journeyId);
        List<JourneyFacts.Milestone> standing = jdbc.query(
                "select type, occurred_on, program_id from outcomes_milestone where journey_id = ?",
                (rs, row) -> new JourneyFacts.Milestone(MilestoneType.valueOf(rs.getString("type")),
                                                        rs.getObject("occurred_on", LocalDate.class),
                                                        rs.getObject("program_id", UUID.class)),
                journeyId);
        JourneyFacts facts = JourneyFacts.of(intakeDate, standing);
        sql.sql("""
               update outcomes_journey set program_outcome = :programOutcome,
                   employed_at_6_months = :employedAt6, employed_at_12_months = :employedAt12,
                   housed_at_6_months = :housedAt6, housed_at_12_months = :housedAt12,
                   residence_regularised = :residenceRegularised,
                   days_to_first_counselling = :daysToFirstCounselling, days_to_shelter_exit = :daysToShelterExit,
                   days_to_training_completed = :daysToTrainingCompleted,
                   days_to_employment_started = :daysToEmploymentStarted
               where journey_id = :journey
               """)
           .param("programOutcome", facts.programOutcome() == null ? null : facts.programOutcome().name())
           .param("employedAt6", facts.employedAt6Months())
           .param("employedAt12", facts.employedAt12Months())
           .param("housedAt6", facts.housedAt6Months())
           .param("housedAt12", facts.housedAt12Months())
           .param("residenceRegularised", facts.residenceRegularised())
           .param("daysToFirstCounselling", facts.daysToFirstCounselling())
           .param("daysToShelterExit", facts.daysToShelterExit())
           .param("daysToTrainingCompleted", facts.daysToTrainingCompleted())
           .param("daysToEmploymentStarted", facts.daysToEmploymentStarted())
           .param("journey", journeyId)
           .update();
        jdbc.update("delete from outcomes_journey_program where journey_id = ?", journeyId);
        facts.programs().forEach((programId, program) -> jdbc.update("""
                insert into outcomes_journey_program (journey_id, program_id, outcome, days_to_training_completed)
                values (?, ?, ?, ?)
                """, journeyId, programId, program.outcome().name(), program.daysToTrainingCompleted()));
    }
}
