package org.homeward.query.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.homeward.journey.MilestoneOutcome;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.PossibleDuplicateDismissed;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.RiskFlagResolved;
import org.homeward.journey.RiskFlagged;
import org.homeward.journey.ReferralAccepted;
import org.homeward.journey.ReferralClosedUnmet;
import org.homeward.journey.ReferralCompleted;
import org.homeward.journey.ReferralDeclined;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReferralRevoked;
import org.homeward.journey.ReferralStarted;
import org.homeward.journey.ReferralState;
import org.homeward.journey.SamePersonConfirmed;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramRetired;
import org.homeward.program.ProgramUpdated;
import org.homeward.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one row of outcome facts per journey. Milestones are kept as they stand (corrected in place, deleted when
 * retracted) and the journey's facts are recomputed from them after every change, which makes a corrected
 * history count exactly as if it had always been so; the facts are derived once per batch for each journey whose
 * milestones changed. Its writes go with the processor's batch and commit with the token advance
 * ({@link ProjectionWrites}); every journey handler goes on only if its event is new to the journey, which makes
 * replaying a batch harmless.
 *
 * <p>It also keeps what the de-identified export reads ({@link ExportQueries}): the journey's nationality, its
 * research consent, whether the person's data was erased, and every standing milestone with its outcome codes;
 * and one row per referral, which the referral figures read ({@link ReferralQueries}).
 */
@Ignores(value = {JourneyClosed.class, JourneyReopened.class, CaseManagerAssigned.class, RiskFlagged.class,
                  RiskFlagResolved.class, ProgramUpdated.class, ProgramRetired.class, ReferralReceived.class,
                  SamePersonConfirmed.class, PossibleDuplicateDismissed.class},
         why = "figures and the export rest on the profile, milestones, consents, assessments, follow-ups and"
               + " referrals made; who manages a journey, whether it is open, its risk flags, a program's name or"
               + " retirement, where a journey came from and which journeys are the same person's change none of"
               + " them")
@Component
@ProcessingGroup(OutcomesProjection.NAME)
class OutcomesProjection {

    static final String NAME = "outcomes";

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;
    // one instance each: a batch derives once per derivation instance and journey (ProjectionWrites.derive)
    private final Consumer<Set<UUID>> recompute = this::recompute;
    private final Consumer<Set<UUID>> summariseAssessments = this::summariseAssessments;

    OutcomesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new ProjectionWrites(jdbc, "outcomes_journey");
    }

    @EventHandler
    void on(JourneyOpened event, @SequenceNumber long version) {
        if (writes.open(event.journeyId(), version)) {
            writes.write("""
                         insert into outcomes_journey (journey_id, organisation_id, intake_date, age_band, gender,
                             nationality, form_of_exploitation, evaluation_consent, research_consent, six_months_on,
                             twelve_months_on, version)
                         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.organisationId(), event.intakeDate(),
                         event.profile().ageBand().name(), event.profile().gender().name(),
                         event.profile().nationality(), event.profile().formOfExploitation().name(),
                         event.consentGiven().contains(ConsentPurpose.PROGRAM_EVALUATION),
                         event.consentGiven().contains(ConsentPurpose.RESEARCH),
                         JourneyFacts.sixMonthsAfter(event.intakeDate()),
                         JourneyFacts.twelveMonthsAfter(event.intakeDate()), version);
        }
    }

    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            export(event.journeyId(), event.milestoneId(), event.type(), event.occurredOn(), event.outcome());
            if (keep(event.journeyId(), event.milestoneId(), event.type(), event.occurredOn(), event.programId())) {
                writes.derive(event.journeyId(), recompute);
            }
        }
    }

    /** The corrected milestone replaces the recorded one whole; it may now matter to a figure, or no longer. */
    @EventHandler
    void on(MilestoneCorrected event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            drop(event.journeyId(), event.milestoneId());
            keep(event.journeyId(), event.milestoneId(), event.type(), event.occurredOn(), event.programId());
            export(event.journeyId(), event.milestoneId(), event.type(), event.occurredOn(), event.outcome());
        }
    }

    @EventHandler
    void on(MilestoneRetracted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            drop(event.journeyId(), event.milestoneId());
        }
    }

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            consent(event.journeyId(), event.purpose(), true);
        }
    }

    /** From the withdrawal on, the journey counts in no figure, whatever happened before it. */
    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            consent(event.journeyId(), event.purpose(), false);
        }
    }

    /** Figures still count the journey (the history of services stays); the export leaves it out. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update outcomes_journey set personal_data_erased = true where journey_id = ?",
                         event.journeyId());
        }
    }

    @EventHandler
    void on(JourneyTransferred event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update outcomes_journey set organisation_id = ? where journey_id = ?",
                         event.toOrganisationId(), event.journeyId());
        }
    }

    @EventHandler
    void on(ReintegrationAssessed event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into outcomes_assessment (journey_id, assessment_id, assessed_on, version, economic,
                             social, psychosocial)
                         values (?, ?, ?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.assessmentId(), event.assessedOn(), version,
                         event.scores().economic(), event.scores().social(), event.scores().psychosocial());
            writes.derive(event.journeyId(), summariseAssessments);
        }
    }

    @EventHandler
    void on(FollowUpScheduled event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("insert into outcomes_follow_up (journey_id, follow_up_id, due_on) values (?, ?, ?)",
                         event.journeyId(), event.followUpId(), event.dueOn());
        }
    }

    @EventHandler
    void on(FollowUpCompleted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
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
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update outcomes_journey set follow_ups_resolved = follow_ups_resolved + 1"
                         + " where journey_id = ?", event.journeyId());
            resolve(event.journeyId(), event.followUpId());
        }
    }

    @EventHandler
    void on(ProgramDefined event) {
        writes.write("insert into outcomes_program (program_id) values (?) on conflict do nothing", event.programId());
    }

    @EventHandler
    void on(ReferralMade event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into outcomes_referral (journey_id, referral_id, partner_organisation_id, service,
                             made_on, state)
                         values (?, ?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.referralId(), event.partnerOrganisationId(),
                         event.service().name(), event.madeOn(), ReferralState.REQUESTED.name());
        }
    }

    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update outcomes_referral set state = ?, accepted_on = ? where journey_id = ?"
                         + " and referral_id = ?",
                         ReferralState.ACCEPTED.name(), event.acceptedOn(), event.journeyId(), event.referralId());
        }
    }

    @EventHandler
    void on(ReferralCompleted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update outcomes_referral set state = ?, completed_on = ? where journey_id = ?"
                         + " and referral_id = ?",
                         ReferralState.COMPLETED.name(), event.completedOn(), event.journeyId(), event.referralId());
        }
    }

    /** No figure counts these yet; the state is kept so that one can without rebuilding the read model. */
    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long version) {
        referralNow(event.journeyId(), event.referralId(), ReferralState.DECLINED, version);
    }

    @EventHandler
    void on(ReferralStarted event, @SequenceNumber long version) {
        referralNow(event.journeyId(), event.referralId(), ReferralState.IN_PROGRESS, version);
    }

    @EventHandler
    void on(ReferralClosedUnmet event, @SequenceNumber long version) {
        referralNow(event.journeyId(), event.referralId(), ReferralState.CLOSED_UNMET, version);
    }

    @EventHandler
    void on(ReferralRevoked event, @SequenceNumber long version) {
        referralNow(event.journeyId(), event.referralId(), ReferralState.REVOKED, version);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("""
                     delete from outcomes_milestone; delete from outcomes_journey_program; delete from outcomes_assessment;
                     delete from outcomes_follow_up; delete from outcomes_journey; delete from outcomes_program;
                     delete from outcomes_export_milestone; delete from outcomes_referral
                     """);
    }

    private void referralNow(UUID journeyId, UUID referralId, ReferralState state, long version) {
        if (writes.advance(journeyId, version)) {
            writes.write("update outcomes_referral set state = ? where journey_id = ? and referral_id = ?",
                         state.name(), journeyId, referralId);
        }
    }

    /** Stores a standing milestone if some figure depends on it; answers whether it did. */
    private boolean keep(UUID journeyId, UUID milestoneId, MilestoneType type, LocalDate occurredOn, UUID programId) {
        if (!JourneyFacts.dependsOn(type, programId)) {
            return false;
        }
        writes.write("""
                     insert into outcomes_milestone (journey_id, milestone_id, type, occurred_on, program_id)
                     values (?, ?, ?, ?, ?)
                     """,
                     journeyId, milestoneId, type.name(), occurredOn, programId);
        return true;
    }

    private void consent(UUID journeyId, ConsentPurpose purpose, boolean inForce) {
        String column = switch (purpose) {
            case PROGRAM_EVALUATION -> "evaluation_consent";
            case RESEARCH -> "research_consent";
            case CASE_MANAGEMENT, SHARING_WITH_PARTNER -> null;
        };
        if (column != null) {
            writes.write("update outcomes_journey set " + column + " = ? where journey_id = ?", inForce, journeyId);
        }
    }

    /** Every standing milestone goes to the export, with its outcome codes and never its note or reason. */
    private void export(UUID journeyId, UUID milestoneId, MilestoneType type, LocalDate occurredOn,
                        MilestoneOutcome outcome) {
        MilestoneOutcome.EmploymentSector sector = outcome == null ? null : outcome.employmentSector();
        writes.write("""
                     insert into outcomes_export_milestone (journey_id, milestone_id, type, occurred_on,
                         employment_sector, regular_income)
                     values (?, ?, ?, ?, ?, ?)
                     """,
                     journeyId, milestoneId, type.name(), occurredOn, sector == null ? null : sector.name(),
                     outcome == null ? null : outcome.regularIncome());
    }

    /** Deletes the milestone if it was kept; the journey's facts are derived again either way. */
    private void drop(UUID journeyId, UUID milestoneId) {
        writes.write("delete from outcomes_milestone where journey_id = ? and milestone_id = ?", journeyId,
                     milestoneId);
        writes.write("delete from outcomes_export_milestone where journey_id = ? and milestone_id = ?", journeyId,
                     milestoneId);
        writes.derive(journeyId, recompute);
    }

    private void resolve(UUID journeyId, UUID followUpId) {
        writes.write("delete from outcomes_follow_up where journey_id = ? and follow_up_id = ?", journeyId,
                     followUpId);
    }

    /** Derives each journey's facts again from its standing milestones and stores them. */
    private void recompute(Set<UUID> journeys) {
        String[] ids = ProjectionWrites.ids(journeys);
        Map<UUID, LocalDate> intakeDates = new HashMap<>();
        jdbc.query("select journey_id, intake_date from outcomes_journey where journey_id = any(?::uuid[])",
                   rs -> {
                       intakeDates.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
                   }, (Object) ids);
        Map<UUID, List<JourneyFacts.Milestone>> standing = new HashMap<>();
        jdbc.query("""
                   select journey_id, type, occurred_on, program_id from outcomes_milestone
                   where journey_id = any(?::uuid[])
                   """,
                   rs -> {
                       standing.computeIfAbsent(rs.getObject(1, UUID.class), j -> new ArrayList<>())
                               .add(new JourneyFacts.Milestone(MilestoneType.valueOf(rs.getString(2)),
                                                               rs.getObject(3, LocalDate.class),
                                                               rs.getObject(4, UUID.class)));
                   }, (Object) ids);
        List<Object[]> facts = new ArrayList<>();
        List<Object[]> programs = new ArrayList<>();
        intakeDates.forEach((journeyId, intakeDate) -> {
            JourneyFacts journey = JourneyFacts.of(intakeDate, standing.getOrDefault(journeyId, List.of()));
            facts.add(new Object[] {
                    journey.programOutcome() == null ? null : journey.programOutcome().name(),
                    journey.employedAt6Months(), journey.employedAt12Months(), journey.housedAt6Months(),
                    journey.housedAt12Months(), journey.residenceRegularised(), journey.daysToFirstCounselling(),
                    journey.daysToShelterExit(), journey.daysToTrainingCompleted(),
                    journey.daysToEmploymentStarted(), journeyId});
            journey.programs().forEach((programId, program) -> programs.add(new Object[] {
                    journeyId, programId, program.outcome().name(), program.daysToTrainingCompleted()}));
        });
        jdbc.batchUpdate("""
                         update outcomes_journey set program_outcome = ?, employed_at_6_months = ?,
                             employed_at_12_months = ?, housed_at_6_months = ?, housed_at_12_months = ?,
                             residence_regularised = ?, days_to_first_counselling = ?, days_to_shelter_exit = ?,
                             days_to_training_completed = ?, days_to_employment_started = ?
                         where journey_id = ?
                         """, facts);
        jdbc.update("delete from outcomes_journey_program where journey_id = any(?::uuid[])", (Object) ids);
        jdbc.batchUpdate("""
                         insert into outcomes_journey_program (journey_id, program_id, outcome,
                             days_to_training_completed)
                         values (?, ?, ?, ?)
                         """, programs);
    }

    /** First and latest by the day assessed, not by the order recorded: a late entry of an early assessment
     * counts as the early one. */
    private void summariseAssessments(Set<UUID> journeys) {
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
                    where j.journey_id = any(?::uuid[])
                    """,
                    (Object) ProjectionWrites.ids(journeys));
    }
}
