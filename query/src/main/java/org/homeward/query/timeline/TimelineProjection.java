package org.homeward.query.timeline;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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
import org.homeward.journey.MilestoneOutcome;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.PersonalDetails;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.Timeline;
import org.homeward.program.ProgramEvent;
import org.homeward.query.ReplayGuard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each journey's timeline from its events. Runs in the processor's transaction, so a row change and the
 * token advance commit together. Every handler first moves the journey's version forward and stops if the
 * event was applied before, which makes replaying a batch harmless.
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

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final ReplayGuard replay;

    TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.replay = new ReplayGuard(jdbc, "timeline_journey");
    }

    @EventHandler
    void on(JourneyOpened event, @SequenceNumber long version) {
        PersonalDetails person = event.personalDetails() == null ? NO_DETAILS : event.personalDetails();
        int inserted = sql.sql("""
                    insert into timeline_journey (journey_id, organisation_id, case_manager_id, intake_date, age_band,
                        gender, nationality, form_of_exploitation, full_name, phone, email, date_of_birth, status,
                        version)
                    values (:journey, :organisation, :caseManager, :intake, :ageBand, :gender, :nationality,
                        :exploitation, :fullName, :phone, :email, :dateOfBirth, :status, :version)
                    on conflict (journey_id) do nothing
                    """)
                .param("journey", event.journeyId())
                .param("organisation", event.organisationId())
                .param("caseManager", event.caseManagerId())
                .param("intake", event.intakeDate())
                .param("ageBand", event.profile().ageBand().name())
                .param("gender", event.profile().gender().name())
                .param("nationality", event.profile().nationality())
                .param("exploitation", event.profile().formOfExploitation().name())
                .param("fullName", person.fullName())
                .param("phone", person.phone())
                .param("email", person.email())
                .param("dateOfBirth", person.dateOfBirth())
                .param("status", Timeline.Status.OPEN.name())
                .param("version", version)
                .update();
        if (inserted == 1) {
            addAssignment(event.journeyId(), version, Timeline.AssignmentKind.INTAKE, event.organisationId(),
                          event.caseManagerId(), null);
            for (ConsentPurpose purpose : event.consentGiven()) {
                giveConsent(event.journeyId(), purpose, null, event.intakeDate(), event.recordedBy());
            }
        }
    }

    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            MilestoneOutcome outcome = outcome(event.outcome());
            sql.sql("""
                   insert into timeline_milestone (journey_id, milestone_id, type, occurred_on, note, program_id,
                       employment_sector, regular_income, drop_out_reason, recorded_version)
                   values (:journey, :milestone, :type, :occurredOn, :note, :program, :sector, :regularIncome,
                       :dropOutReason, :version)
                   """)
               .param("journey", event.journeyId())
               .param("milestone", event.milestoneId())
               .params(milestone(event.type(), event.occurredOn(), event.note(), event.programId(), outcome))
               .param("version", version)
               .update();
            addRevision(event.journeyId(), event.milestoneId(), version, event.type(), event.occurredOn(),
                        event.note(), event.programId(), outcome, null);
        }
    }

    @EventHandler
    void on(MilestoneCorrected event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            MilestoneOutcome outcome = outcome(event.outcome());
            sql.sql("""
                   update timeline_milestone set type = :type, occurred_on = :occurredOn, note = :note,
                       program_id = :program, employment_sector = :sector, regular_income = :regularIncome,
                       drop_out_reason = :dropOutReason
                   where journey_id = :journey and milestone_id = :milestone
                   """)
               .params(milestone(event.type(), event.occurredOn(), event.note(), event.programId(), outcome))
               .param("journey", event.journeyId())
               .param("milestone", event.milestoneId())
               .update();
            addRevision(event.journeyId(), event.milestoneId(), version, event.type(), event.occurredOn(),
                        event.note(), event.programId(), outcome, event.reason());
        }
    }

    @EventHandler
    void on(MilestoneRetracted event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("""
                        update timeline_milestone set retracted = true, retraction_reason = ?
                        where journey_id = ? and milestone_id = ?
                        """,
                        event.reason(), event.journeyId(), event.milestoneId());
        }
    }

    @EventHandler
    void on(JourneyClosed event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("update timeline_journey set status = ?, closed_on = ?, closure_reason = ? where journey_id = ?",
                        Timeline.Status.CLOSED.name(), event.closedOn(), event.reason().name(), event.journeyId());
            addStatusChange(event.journeyId(), version, Timeline.Status.CLOSED, event.closedOn(),
                            event.reason().name(), event.note());
        }
    }

    @EventHandler
    void on(JourneyReopened event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("""
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
        if (replay.advance(event.journeyId(), version)) {
            giveConsent(event.journeyId(), event.purpose(), event.partnerOrganisationId(), event.givenOn(),
                        event.recordedBy());
        }
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            sql.sql("""
                   update timeline_consent set in_force = false, withdrawn_on = :withdrawnOn,
                       recorded_by = :recordedBy
                   where journey_id = :journey and purpose = :purpose and partner_organisation_id = :partner
                   """)
               .param("withdrawnOn", event.withdrawnOn())
               .param("recordedBy", event.recordedBy())
               .param("journey", event.journeyId())
               .param("purpose", event.purpose().name())
               .param("partner", partner(event.partnerOrganisationId()))
               .update();
        }
    }

    @EventHandler
    void on(CaseManagerAssigned event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            String organisationId = jdbc.queryForObject(
                    "update timeline_journey set case_manager_id = ? where journey_id = ? returning organisation_id",
                    String.class, event.caseManagerId(), event.journeyId());
            addAssignment(event.journeyId(), version, Timeline.AssignmentKind.ASSIGNED, organisationId,
                          event.caseManagerId(), event.reason());
        }
    }

    @EventHandler
    void on(JourneyTransferred event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("update timeline_journey set organisation_id = ?, case_manager_id = ? where journey_id = ?",
                        event.toOrganisationId(), event.caseManagerId(), event.journeyId());
            addAssignment(event.journeyId(), version, Timeline.AssignmentKind.TRANSFERRED, event.toOrganisationId(),
                          event.caseManagerId(), event.reason());
        }
    }

    @EventHandler
    void on(FollowUpScheduled event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            sql.sql("""
                   insert into timeline_follow_up (journey_id, follow_up_id, due_on, purpose, status)
                   values (:journey, :followUp, :dueOn, :purpose, :status)
                   """)
               .param("journey", event.journeyId())
               .param("followUp", event.followUpId())
               .param("dueOn", event.dueOn())
               .param("purpose", event.purpose().name())
               .param("status", Timeline.FollowUpStatus.SCHEDULED.name())
               .update();
        }
    }

    @EventHandler
    void on(FollowUpCompleted event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            sql.sql("""
                   update timeline_follow_up set status = :status, completed_on = :completedOn, note = :note
                   where journey_id = :journey and follow_up_id = :followUp
                   """)
               .param("status", Timeline.FollowUpStatus.COMPLETED.name())
               .param("completedOn", event.completedOn())
               .param("note", event.note())
               .param("journey", event.journeyId())
               .param("followUp", event.followUpId())
               .update();
        }
    }

    @EventHandler
    void on(FollowUpMissed event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            jdbc.update("""
                        update timeline_follow_up set status = ?, missed_reason = ?
                        where journey_id = ? and follow_up_id = ?
                        """,
                        Timeline.FollowUpStatus.MISSED.name(), event.reason(), event.journeyId(),
                        event.followUpId());
        }
    }

    @EventHandler
    void on(ReintegrationAssessed event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            sql.sql("""
                   insert into timeline_assessment (journey_id, assessment_id, version, assessed_on,
                       assessor_id, economic, social, psychosocial, baseline)
                   values (:journey, :assessment, :version, :assessedOn, :assessor, :economic, :social,
                       :psychosocial, :baseline)
                   """)
               .param("journey", event.journeyId())
               .param("assessment", event.assessmentId())
               .param("version", version)
               .param("assessedOn", event.assessedOn())
               .param("assessor", event.assessorId())
               .param("economic", event.scores().economic())
               .param("social", event.scores().social())
               .param("psychosocial", event.scores().psychosocial())
               .param("baseline", event.baseline())
               .update();
        }
    }

    /** Purges everything written about the person; what happened, and when, stays. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long version) {
        if (replay.advance(event.journeyId(), version)) {
            UUID journeyId = event.journeyId();
            jdbc.update("""
                        update timeline_journey set full_name = null, phone = null, email = null,
                            date_of_birth = null, personal_data_erased = true
                        where journey_id = ?
                        """, journeyId);
            jdbc.update("""
                        update timeline_milestone set note = null, retraction_reason = case when retracted
                            then ? end, drop_out_reason = null where journey_id = ?
                        """, ERASED, journeyId);
            jdbc.update("""
                        update timeline_milestone_revision set note = null, drop_out_reason = null,
                            correction_reason = case when correction_reason is not null then ? end
                        where journey_id = ?
                        """, ERASED, journeyId);
            jdbc.update("update timeline_follow_up set note = null, missed_reason = null where journey_id = ?",
                        journeyId);
            jdbc.update("update timeline_case_assignment set reason = null where journey_id = ?", journeyId);
            jdbc.update("update timeline_status_change set reason = ? where journey_id = ? and status = ?",
                        ERASED, journeyId, Timeline.Status.OPEN.name());
            jdbc.update("update timeline_status_change set note = null where journey_id = ?", journeyId);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from timeline_journey");
    }

    /** A milestone's state as a statement's named parameters: the same in its row and in each of its revisions. */
    private static Map<String, Object> milestone(MilestoneType type, LocalDate occurredOn, String note, UUID programId,
                                                 MilestoneOutcome outcome) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("type", type.name());
        parameters.put("occurredOn", occurredOn);
        parameters.put("note", note);
        parameters.put("program", programId);
        parameters.put("sector", name(outcome.employmentSector()));
        parameters.put("regularIncome", outcome.regularIncome());
        parameters.put("dropOutReason", outcome.dropOutReason());
        return parameters;
    }

    private void addRevision(UUID journeyId, UUID milestoneId, long version, MilestoneType type,
                             LocalDate occurredOn, String note, UUID programId, MilestoneOutcome outcome,
                             String correctionReason) {
        sql.sql("""
               insert into timeline_milestone_revision (journey_id, milestone_id, version, type, occurred_on,
                   note, program_id, employment_sector, regular_income, drop_out_reason, correction_reason)
               values (:journey, :milestone, :version, :type, :occurredOn, :note, :program, :sector,
                   :regularIncome, :dropOutReason, :correctionReason)
               """)
           .param("journey", journeyId)
           .param("milestone", milestoneId)
           .param("version", version)
           .params(milestone(type, occurredOn, note, programId, outcome))
           .param("correctionReason", correctionReason)
           .update();
    }

    private void giveConsent(UUID journeyId, ConsentPurpose purpose, String partnerOrganisationId, LocalDate givenOn,
                             String recordedBy) {
        sql.sql("""
               insert into timeline_consent (journey_id, purpose, partner_organisation_id, in_force, given_on,
                   recorded_by)
               values (:journey, :purpose, :partner, true, :givenOn, :recordedBy)
               on conflict (journey_id, purpose, partner_organisation_id) do update
                   set in_force = true, given_on = excluded.given_on, withdrawn_on = null,
                       recorded_by = excluded.recorded_by
               """)
           .param("journey", journeyId)
           .param("purpose", purpose.name())
           .param("partner", partner(partnerOrganisationId))
           .param("givenOn", givenOn)
           .param("recordedBy", recordedBy)
           .update();
    }

    private void addAssignment(UUID journeyId, long version, Timeline.AssignmentKind kind, String organisationId,
                               String caseManagerId, String reason) {
        sql.sql("""
               insert into timeline_case_assignment (journey_id, version, kind, organisation_id,
                   case_manager_id, reason)
               values (:journey, :version, :kind, :organisation, :caseManager, :reason)
               """)
           .param("journey", journeyId)
           .param("version", version)
           .param("kind", kind.name())
           .param("organisation", organisationId)
           .param("caseManager", caseManagerId)
           .param("reason", reason)
           .update();
    }

    private void addStatusChange(UUID journeyId, long version, Timeline.Status status, LocalDate changedOn,
                                 String reason, String note) {
        sql.sql("""
               insert into timeline_status_change (journey_id, version, status, changed_on, reason, note)
               values (:journey, :version, :status, :changedOn, :reason, :note)
               """)
           .param("journey", journeyId)
           .param("version", version)
           .param("status", status.name())
           .param("changedOn", changedOn)
           .param("reason", reason)
           .param("note", note)
           .update();
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
