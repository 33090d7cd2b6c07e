package org.homeward.query.timeline;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.homeward.event.Ignores;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.ConsentGiven;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ConsentWithdrawn;
import org.homeward.journey.ContactDetail;
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
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.PersonalDetails;
import org.homeward.journey.ReferralAccepted;
import org.homeward.journey.ReferralClosedUnmet;
import org.homeward.journey.ReferralCompleted;
import org.homeward.journey.ReferralDeclined;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReferralRevoked;
import org.homeward.journey.ReferralStarted;
import org.homeward.journey.ReferralState;
import org.homeward.journey.PossibleDuplicateDismissed;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.RiskFlagResolved;
import org.homeward.journey.RiskFlagged;
import org.homeward.journey.SamePersonConfirmed;
import org.homeward.journey.Timeline;
import org.homeward.program.ProgramEvent;
import org.homeward.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each journey's timeline from its events. Its writes go with the processor's batch and commit with the
 * token advance ({@link ProjectionWrites}); every handler goes on only if its event is new to the journey, which
 * makes replaying a batch harmless.
 */
@Ignores(value = ProgramEvent.class, why = "a journey shows the program standing its milestones carry")
@Component
@ProcessingGroup(TimelineProjection.NAME)
class TimelineProjection {

    static final String NAME = "timeline";
    /** Stands for "no partner" in the consent key. */
    static final String NO_PARTNER = "";
    static final String ERASED = "[erased]";
    private static final PersonalDetails NO_DETAILS = new PersonalDetails(null, null, null, null);

    private static final String ADD_ASSIGNMENT = """
            insert into timeline_case_assignment (journey_id, version, kind, organisation_id, case_manager_id, reason)
            values (?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;

    TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new ProjectionWrites(jdbc, "timeline_journey");
    }

    @EventHandler
    void on(JourneyOpened event, @SequenceNumber long version) {
        if (writes.open(event.journeyId(), version)) {
            PersonalDetails person = event.personalDetails() == null ? NO_DETAILS : event.personalDetails();
            writes.write("""
                         insert into timeline_journey (journey_id, organisation_id, case_manager_id, intake_date,
                             age_band, gender, nationality, form_of_exploitation, full_name, phone, email,
                             date_of_birth, status, version)
                         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.organisationId(), event.caseManagerId(), event.intakeDate(),
                         event.profile().ageBand().name(), event.profile().gender().name(),
                         event.profile().nationality(), event.profile().formOfExploitation().name(),
                         person.fullName(), person.phone(), person.email(), person.dateOfBirth(),
                         Timeline.Status.OPEN.name(), version);
            writes.write(ADD_ASSIGNMENT, event.journeyId(), version, Timeline.AssignmentKind.INTAKE.name(),
                         event.organisationId(), event.caseManagerId(), null);
            for (ConsentPurpose purpose : event.consentGiven()) {
                giveConsent(event.journeyId(), purpose, null, event.intakeDate(), event.recordedBy(), Set.of());
            }
        }
    }

    /** The milestone and its first revision in one statement, so that a batch of recordings is one JDBC batch. */
    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            MilestoneOutcome outcome = outcome(event.outcome());
            writes.write("""
                         with milestone as (
                             insert into timeline_milestone (journey_id, milestone_id, recorded_version, type,
                                 occurred_on, note, program_id, employment_sector, regular_income, drop_out_reason)
                             values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                             returning *)
                         insert into timeline_milestone_revision (journey_id, milestone_id, version, type,
                             occurred_on, note, program_id, employment_sector, regular_income, drop_out_reason)
                         select journey_id, milestone_id, recorded_version, type, occurred_on, note, program_id,
                             employment_sector, regular_income, drop_out_reason
                         from milestone
                         """,
                         event.journeyId(), event.milestoneId(), version, event.type().name(), event.occurredOn(),
                         event.note(), event.programId(), name(outcome.employmentSector()), outcome.regularIncome(),
                         outcome.dropOutReason());
        }
    }

    @EventHandler
    void on(MilestoneCorrected event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            MilestoneOutcome outcome = outcome(event.outcome());
            writes.write("""
                         with milestone as (
                             update timeline_milestone set type = ?, occurred_on = ?, note = ?, program_id = ?,
                                 employment_sector = ?, regular_income = ?, drop_out_reason = ?
                             where journey_id = ? and milestone_id = ?
                             returning *)
                         insert into timeline_milestone_revision (journey_id, milestone_id, version, type,
                             occurred_on, note, program_id, employment_sector, regular_income, drop_out_reason,
                             correction_reason)
                         select journey_id, milestone_id, ?, type, occurred_on, note, program_id,
                             employment_sector, regular_income, drop_out_reason, ?
                         from milestone
                         """,
                         event.type().name(), event.occurredOn(), event.note(), event.programId(),
                         name(outcome.employmentSector()), outcome.regularIncome(), outcome.dropOutReason(),
                         event.journeyId(), event.milestoneId(), version, event.reason());
        }
    }

    @EventHandler
    void on(MilestoneRetracted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         update timeline_milestone set retracted = true, retraction_reason = ?
                         where journey_id = ? and milestone_id = ?
                         """,
                         event.reason(), event.journeyId(), event.milestoneId());
        }
    }

    @EventHandler
    void on(JourneyClosed event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update timeline_journey set status = ?, closed_on = ?, closure_reason = ? where journey_id = ?",
                         Timeline.Status.CLOSED.name(), event.closedOn(), event.reason().name(), event.journeyId());
            addStatusChange(event.journeyId(), version, Timeline.Status.CLOSED, event.closedOn(),
                            event.reason().name(), event.note());
        }
    }

    @EventHandler
    void on(JourneyReopened event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         update timeline_journey set status = ?, closed_on = null, closure_reason = null
                         where journey_id = ?
                         """,
                         Timeline.Status.OPEN.name(), event.journeyId());
            addStatusChange(event.journeyId(), version, Timeline.Status.OPEN, event.reopenedOn(), event.reason(),
                            null);
        }
    }

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            giveConsent(event.journeyId(), event.purpose(), event.partnerOrganisationId(), event.givenOn(),
                        event.recordedBy(), event.sharedDetails());
        }
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         update timeline_consent set in_force = false, withdrawn_on = ?, recorded_by = ?
                         where journey_id = ? and purpose = ? and partner_organisation_id = ?
                         """,
                         event.withdrawnOn(), event.recordedBy(), event.journeyId(), event.purpose().name(),
                         partner(event.partnerOrganisationId()));
        }
    }

    @EventHandler
    void on(CaseManagerAssigned event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update timeline_journey set case_manager_id = ? where journey_id = ?",
                         event.caseManagerId(), event.journeyId());
            writes.write("""
                         insert into timeline_case_assignment (journey_id, version, kind, organisation_id,
                             case_manager_id, reason)
                         select journey_id, ?, ?, organisation_id, case_manager_id, ?
                         from timeline_journey where journey_id = ?
                         """,
                         version, Timeline.AssignmentKind.ASSIGNED.name(), event.reason(), event.journeyId());
        }
    }

    @EventHandler
    void on(JourneyTransferred event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("update timeline_journey set organisation_id = ?, case_manager_id = ? where journey_id = ?",
                         event.toOrganisationId(), event.caseManagerId(), event.journeyId());
            writes.write(ADD_ASSIGNMENT, event.journeyId(), version, Timeline.AssignmentKind.TRANSFERRED.name(),
                         event.toOrganisationId(), event.caseManagerId(), event.reason());
        }
    }

    @EventHandler
    void on(FollowUpScheduled event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into timeline_follow_up (journey_id, follow_up_id, due_on, purpose, status)
                         values (?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.followUpId(), event.dueOn(), event.purpose().name(),
                         Timeline.FollowUpStatus.SCHEDULED.name());
        }
    }

    @EventHandler
    void on(FollowUpCompleted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         update timeline_follow_up set status = ?, completed_on = ?, note = ?
                         where journey_id = ? and follow_up_id = ?
                         """,
                         Timeline.FollowUpStatus.COMPLETED.name(), event.completedOn(), event.note(),
                         event.journeyId(), event.followUpId());
        }
    }

    @EventHandler
    void on(FollowUpMissed event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         update timeline_follow_up set status = ?, missed_reason = ?
                         where journey_id = ? and follow_up_id = ?
                         """,
                         Timeline.FollowUpStatus.MISSED.name(), event.reason(), event.journeyId(),
                         event.followUpId());
        }
    }

    @EventHandler
    void on(RiskFlagged event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into timeline_risk_flag (journey_id, flag_id, kind, flagged_on, review_on, detail)
                         values (?, ?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.flagId(), event.kind().name(), event.flaggedOn(), event.reviewOn(),
                         event.detail());
        }
    }

    @EventHandler
    void on(RiskFlagResolved event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         update timeline_risk_flag set resolved_on = ?, resolution_reason = ?
                         where journey_id = ? and flag_id = ?
                         """,
                         event.resolvedOn(), event.reason(), event.journeyId(), event.flagId());
        }
    }

    @EventHandler
    void on(ReferralMade event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            ReferralMade.ConsentOverride override = event.consentOverride();
            writes.write("""
                         insert into timeline_referral (journey_id, referral_id, referring_organisation_id,
                             partner_organisation_id, service, made_on, due_on, note, override_reason, override_note,
                             state)
                         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.referralId(), event.referringOrganisationId(),
                         event.partnerOrganisationId(), event.service().name(),
                         event.madeOn(), event.dueOn(), event.note(),
                         override == null ? null : override.reason().name(), override == null ? null : override.note(),
                         ReferralState.REQUESTED.name());
        }
    }

    @EventHandler
    void on(ReferralReceived event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into timeline_referral_received (journey_id, version, received_on, source,
                             referral_id, from_organisation_id)
                         values (?, ?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), version, event.receivedOn(), event.source().name(), event.referralId(),
                         event.fromOrganisationId());
        }
    }

    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         update timeline_referral set state = ?, accepted_on = ?
                         where journey_id = ? and referral_id = ?
                         """,
                         ReferralState.ACCEPTED.name(), event.acceptedOn(), event.journeyId(), event.referralId());
        }
    }

    @EventHandler
    void on(ReferralStarted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         update timeline_referral set state = ?, started_on = ?
                         where journey_id = ? and referral_id = ?
                         """,
                         ReferralState.IN_PROGRESS.name(), event.startedOn(), event.journeyId(), event.referralId());
        }
    }

    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            referralNow(event.journeyId(), event.referralId(), ReferralState.DECLINED, event.declinedOn(),
                        event.reason());
        }
    }

    @EventHandler
    void on(ReferralCompleted event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            referralNow(event.journeyId(), event.referralId(), ReferralState.COMPLETED, event.completedOn(),
                        event.outcome());
        }
    }

    @EventHandler
    void on(ReferralClosedUnmet event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            referralNow(event.journeyId(), event.referralId(), ReferralState.CLOSED_UNMET, event.closedOn(),
                        event.reason());
        }
    }

    @EventHandler
    void on(ReferralRevoked event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            referralNow(event.journeyId(), event.referralId(), ReferralState.REVOKED, event.revokedOn(),
                        event.cause());
        }
    }

    @EventHandler
    void on(ReintegrationAssessed event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into timeline_assessment (journey_id, assessment_id, version, assessed_on,
                             assessor_id, economic, social, psychosocial, baseline)
                         values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                         """,
                         event.journeyId(), event.assessmentId(), version, event.assessedOn(), event.assessorId(),
                         event.scores().economic(), event.scores().social(), event.scores().psychosocial(),
                         event.baseline());
        }
    }

    /** Each of the two journeys has its own event, so each timeline shows the other journey. */
    @EventHandler
    void on(SamePersonConfirmed event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            writes.write("""
                         insert into timeline_linked_journey (journey_id, linked_journey_id, version, confirmed_by)
                         values (?, ?, ?, ?)
                         """,
                         event.journeyId(), event.otherJourneyId(), version, event.confirmedBy());
        }
    }

    /** Nothing to show, but the timeline reaches the journey's version, as a reader waiting for it expects. */
    @EventHandler
    void on(PossibleDuplicateDismissed event, @SequenceNumber long version) {
        writes.advance(event.journeyId(), version);
    }

    /** Purges everything written about the person; what happened, and when, stays. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long version) {
        if (writes.advance(event.journeyId(), version)) {
            UUID journeyId = event.journeyId();
            writes.write("""
                         update timeline_journey set full_name = null, phone = null, email = null,
                             date_of_birth = null, personal_data_erased = true
                         where journey_id = ?
                         """, journeyId);
            writes.write("""
                         update timeline_milestone set note = null, retraction_reason = case when retracted
                             then ? end, drop_out_reason = null where journey_id = ?
                         """, ERASED, journeyId);
            writes.write("""
                         update timeline_milestone_revision set note = null, drop_out_reason = null,
                             correction_reason = case when correction_reason is not null then ? end
                         where journey_id = ?
                         """, ERASED, journeyId);
            writes.write("update timeline_follow_up set note = null, missed_reason = null where journey_id = ?",
                         journeyId);
            writes.write("update timeline_case_assignment set reason = null where journey_id = ?", journeyId);
            writes.write("update timeline_risk_flag set detail = null, resolution_reason = null where journey_id = ?",
                         journeyId);
            writes.write("update timeline_referral set note = null, override_note = null where journey_id = ?",
                         journeyId);
            writes.write("update timeline_status_change set reason = ? where journey_id = ? and status = ?",
                         ERASED, journeyId, Timeline.Status.OPEN.name());
            writes.write("update timeline_status_change set note = null where journey_id = ?", journeyId);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("""
                     delete from timeline_milestone_revision; delete from timeline_milestone;
                     delete from timeline_consent; delete from timeline_case_assignment; delete from timeline_follow_up;
                     delete from timeline_assessment; delete from timeline_status_change;
                     delete from timeline_risk_flag; delete from timeline_referral;
                     delete from timeline_referral_received; delete from timeline_linked_journey;
                     delete from timeline_journey
                     """);
    }

    private void giveConsent(UUID journeyId, ConsentPurpose purpose, String partnerOrganisationId, LocalDate givenOn,
                             String recordedBy, Set<ContactDetail> sharedDetails) {
        writes.write("""
                     insert into timeline_consent (journey_id, purpose, partner_organisation_id, in_force, given_on,
                         recorded_by, shared_details)
                     values (?, ?, ?, true, ?, ?, string_to_array(?, ','))
                     on conflict (journey_id, purpose, partner_organisation_id) do update
                         set in_force = true, given_on = excluded.given_on, withdrawn_on = null,
                             recorded_by = excluded.recorded_by, shared_details = excluded.shared_details
                     """,
                     journeyId, purpose.name(), partner(partnerOrganisationId), givenOn, recordedBy,
                     sharedDetails.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }

    /** A referral's step: its state, and the day and code that ended it when it ended. */
    private void referralNow(UUID journeyId, UUID referralId, ReferralState state, LocalDate endedOn,
                             Enum<?> endedBecause) {
        writes.write("""
                     update timeline_referral set state = ?, ended_on = ?, ended_because = ?
                     where journey_id = ? and referral_id = ?
                     """,
                     state.name(), endedOn, name(endedBecause), journeyId, referralId);
    }

    private void addStatusChange(UUID journeyId, long version, Timeline.Status status, LocalDate changedOn,
                                 String reason, String note) {
        writes.write("""
                     insert into timeline_status_change (journey_id, version, status, changed_on, reason, note)
                     values (?, ?, ?, ?, ?, ?)
                     """,
                     journeyId, version, status.name(), changedOn, reason, note);
    }

    private static MilestoneOutcome outcome(MilestoneOutcome outcome) {
        return outcome == null ? MilestoneOutcome.NONE : outcome;
    }

    private static String partner(String partnerOrganisationId) {
        return partnerOrganisationId == null ? NO_PARTNER : partnerOrganisationId;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
