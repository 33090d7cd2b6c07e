package org.homeward.query.timeline;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ContactDetail;
import org.homeward.journey.FindTimeline;
import org.homeward.journey.FollowUpPurpose;
import org.homeward.journey.MilestoneOutcome;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.PersonalDetails;
import org.homeward.journey.Profile;
import org.homeward.journey.ReintegrationScores;
import org.homeward.journey.ReferralMade.ConsentOverride.OverrideReason;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReferralService;
import org.homeward.journey.ReferralState;
import org.homeward.journey.RiskKind;
import org.homeward.journey.Timeline;
import org.homeward.query.QuerySettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Answers timeline queries from the timeline tables, waiting for the projection when the caller asks to. */
@Component
class TimelineQueries {

    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final EventProcessingConfiguration processing;
    private final Duration catchUpTimeout;

    TimelineQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                    EventProcessingConfiguration processing, QuerySettings settings) {
        this.jdbc = jdbc;
        // the reads of one timeline must see one state of the projection, not one half-applied batch
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
        this.processing = processing;
        this.catchUpTimeout = settings.timeline().catchUpTimeout();
    }

    /**
     * @throws UnknownJourneyException when no such journey has been opened
     * @throws TimelineBehindException when the timeline did not reach {@code minVersion} in time
     */
    @QueryHandler
    Timeline handle(FindTimeline query) throws InterruptedException {
        awaitVersion(query.journeyId(), query.minVersion());
        return snapshot.execute(tx -> read(query.journeyId())).orElseThrow(() -> unknown(query.journeyId()));
    }

    /** While the timeline is being rebuilt, a journey not yet reached is not unknown, only not back yet. */
    private RuntimeException unknown(UUID journeyId) {
        boolean rebuilding = processing.eventProcessor(TimelineProjection.NAME, StreamingEventProcessor.class)
                                       .map(StreamingEventProcessor::isReplaying).orElse(false);
        return rebuilding ? new TimelineBehindException(journeyId, 0) : new UnknownJourneyException(journeyId);
    }

    private void awaitVersion(UUID journeyId, long minVersion) throws InterruptedException {
        if (minVersion < 0) {
            return;
        }
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        Duration pause = Duration.ofMillis(2);
        while (true) {
            Optional<Long> version = version(journeyId);
            if (version.isPresent() && version.get() >= minVersion) {
                return;
            }
            if (System.nanoTime() > deadline) {
                if (version.isEmpty()) {
                    throw unknown(journeyId);
                }
                throw new TimelineBehindException(journeyId, minVersion);
            }
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private Optional<Long> version(UUID journeyId) {
        return jdbc.query("select version from timeline_journey where journey_id = ?",
                          (rs, row) -> rs.getLong(1), journeyId).stream().findFirst();
    }

    /** Reads a timeline from the timeline tables as the current transaction sees them. */
    Optional<Timeline> read(UUID journeyId) {
        Map<UUID, List<Timeline.Revision>> revisions = new HashMap<>();
        jdbc.query("select * from timeline_milestone_revision where journey_id = ? order by version",
                   rs -> {
                       revisions.computeIfAbsent(rs.getObject("milestone_id", UUID.class), id -> new ArrayList<>())
                                .add(new Timeline.Revision(rs.getLong("version"),
                                                           MilestoneType.valueOf(rs.getString("type")),
                                                           rs.getObject("occurred_on", LocalDate.class),
                                                           rs.getString("note"),
                                                           rs.getObject("program_id", UUID.class),
                                                           outcome(rs),
                                                           rs.getString("correction_reason")));
                   },
                   journeyId);
        List<Timeline.Milestone> milestones = jdbc.query(
                "select * from timeline_milestone where journey_id = ? order by occurred_on, recorded_version",
                (rs, row) -> milestone(rs, revisions), journeyId);
        List<Timeline.Consent> consents = jdbc.query(
                "select * from timeline_consent where journey_id = ? order by purpose, partner_organisation_id",
                (rs, row) -> consent(rs), journeyId);
        LocalDate today = LocalDate.now(clock);
        List<Timeline.FollowUp> followUps = jdbc.query(
                "select * from timeline_follow_up where journey_id = ? order by due_on, follow_up_id",
                (rs, row) -> followUp(rs, today), journeyId);
        List<Timeline.Assessment> assessments = jdbc.query(
                "select * from timeline_assessment where journey_id = ? order by assessed_on, version",
                (rs, row) -> assessment(rs), journeyId);
        List<Timeline.CaseAssignment> caseHistory = jdbc.query(
                "select * from timeline_case_assignment where journey_id = ? order by version",
                (rs, row) -> new Timeline.CaseAssignment(rs.getLong("version"),
                                                         Timeline.AssignmentKind.valueOf(rs.getString("kind")),
                                                         rs.getString("organisation_id"),
                                                         rs.getString("case_manager_id"),
                                                         rs.getString("reason")),
                journeyId);
        List<Timeline.StatusChange> statusChanges = jdbc.query(
                "select * from timeline_status_change where journey_id = ? order by version",
                (rs, row) -> new Timeline.StatusChange(rs.getLong("version"),
                                                       Timeline.Status.valueOf(rs.getString("status")),
                                                       rs.getObject("changed_on", LocalDate.class),
                                                       rs.getString("reason"), rs.getString("note")),
                journeyId);
        List<Timeline.RiskFlag> riskFlags = jdbc.query(
                "select * from timeline_risk_flag where journey_id = ? order by flagged_on, flag_id",
                (rs, row) -> riskFlag(rs, today), journeyId);
        List<Timeline.Referral> referrals = jdbc.query(
                "select * from timeline_referral where journey_id = ? order by made_on, referral_id",
                (rs, row) -> referral(rs), journeyId);
        List<Timeline.ReferralIn> referralsReceived = jdbc.query(
                "select * from timeline_referral_received where journey_id = ? order by version",
                (rs, row) -> new Timeline.ReferralIn(rs.getLong("version"),
                                                     rs.getObject("received_on", LocalDate.class),
                                                     ReferralReceived.Source.valueOf(rs.getString("source")),
                                                     rs.getObject("referral_id", UUID.class),
                                                     rs.getString("from_organisation_id")),
                journeyId);
        List<Timeline.LinkedJourney> linkedJourneys = jdbc.query(
                "select * from timeline_linked_journey where journey_id = ? order by version",
                (rs, row) -> new Timeline.LinkedJourney(rs.getObject("linked_journey_id", UUID.class),
                                                        rs.getString("confirmed_by"), rs.getLong("version")),
                journeyId);
        return jdbc.query("select * from timeline_journey where journey_id = ?",
                          (rs, row) -> {
                              String closureReason = rs.getString("closure_reason");
                              return new Timeline(
                                      rs.getObject("journey_id", UUID.class),
                                      rs.getString("organisation_id"),
                                      rs.getString("case_manager_id"),
                                      rs.getObject("intake_date", LocalDate.class),
                                      profile(rs),
                                      new PersonalDetails(rs.getString("full_name"), rs.getString("phone"),
                                                          rs.getString("email"), rs.getString("date_of_birth")),
                                      rs.getBoolean("personal_data_erased"),
                                      Timeline.Status.valueOf(rs.getString("status")),
                                      rs.getObject("closed_on", LocalDate.class),
                                      closureReason == null ? null : ClosureReason.valueOf(closureReason),
                                      rs.getLong("version"),
                                      milestones, consents, followUps, assessments, caseHistory, statusChanges,
                                      riskFlags, referrals, referralsReceived, linkedJourneys);
                          },
                          journeyId).stream().findFirst();
    }

    private static Timeline.Milestone milestone(ResultSet rs, Map<UUID, List<Timeline.Revision>> revisions)
            throws SQLException {
        UUID milestoneId = rs.getObject("milestone_id", UUID.class);
        MilestoneType type = MilestoneType.valueOf(rs.getString("type"));
        return new Timeline.Milestone(milestoneId, type, type.area(), rs.getObject("occurred_on", LocalDate.class),
                                      rs.getString("note"), rs.getObject("program_id", UUID.class), outcome(rs),
                                      rs.getBoolean("retracted"), rs.getString("retraction_reason"),
                                      revisions.getOrDefault(milestoneId, List.of()));
    }

    /** The outcome columns, or null when the milestone has none. */
    private static MilestoneOutcome outcome(ResultSet rs) throws SQLException {
        String sector = rs.getString("employment_sector");
        Boolean regularIncome = rs.getObject("regular_income", Boolean.class);
        String dropOutReason = rs.getString("drop_out_reason");
        if (sector == null && regularIncome == null && dropOutReason == null) {
            return null;
        }
        return new MilestoneOutcome(sector == null ? null : MilestoneOutcome.EmploymentSector.valueOf(sector),
                                    regularIncome, dropOutReason);
    }

    private static Timeline.Consent consent(ResultSet rs) throws SQLException {
        String partner = rs.getString("partner_organisation_id");
        return new Timeline.Consent(ConsentPurpose.valueOf(rs.getString("purpose")),
                                    partner.equals(TimelineProjection.NO_PARTNER) ? null : partner,
                                    rs.getBoolean("in_force"),
                                    rs.getObject("given_on", LocalDate.class),
                                    rs.getObject("withdrawn_on", LocalDate.class),
                                    rs.getString("recorded_by"),
                                    sharedDetails(rs));
    }

    /** The contact details a consent to share names; none where the row has no consent in force. */
    static Set<ContactDetail> sharedDetails(ResultSet rs) throws SQLException {
        Array details = rs.getArray("shared_details");
        if (details == null) {
            return Set.of();
        }
        return Arrays.stream((String[]) details.getArray()).map(ContactDetail::valueOf)
                     .collect(Collectors.toUnmodifiableSet());
    }

    private static Timeline.Referral referral(ResultSet rs) throws SQLException {
        String overrideReason = rs.getString("override_reason");
        return new Timeline.Referral(rs.getObject("referral_id", UUID.class),
                                     rs.getString("partner_organisation_id"),
                                     ReferralService.valueOf(rs.getString("service")),
                                     rs.getObject("made_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                                     rs.getString("note"),
                                     overrideReason == null ? null : OverrideReason.valueOf(overrideReason),
                                     rs.getString("override_note"), ReferralState.valueOf(rs.getString("state")),
                                     rs.getObject("accepted_on", LocalDate.class),
                                     rs.getObject("started_on", LocalDate.class),
                                     rs.getObject("ended_on", LocalDate.class), rs.getString("ended_because"));
    }

    private static Timeline.FollowUp followUp(ResultSet rs, LocalDate today) throws SQLException {
        Timeline.FollowUpStatus status = Timeline.FollowUpStatus.valueOf(rs.getString("status"));
        LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
        return new Timeline.FollowUp(rs.getObject("follow_up_id", UUID.class), dueOn,
                                     FollowUpPurpose.valueOf(rs.getString("purpose")), status,
                                     status == Timeline.FollowUpStatus.SCHEDULED && dueOn.isBefore(today),
                                     rs.getObject("completed_on", LocalDate.class), rs.getString("note"),
                                     rs.getString("missed_reason"));
    }

    private static Timeline.RiskFlag riskFlag(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate reviewOn = rs.getObject("review_on", LocalDate.class);
        LocalDate resolvedOn = rs.getObject("resolved_on", LocalDate.class);
        return new Timeline.RiskFlag(rs.getObject("flag_id", UUID.class), RiskKind.valueOf(rs.getString("kind")),
                                     rs.getObject("flagged_on", LocalDate.class), reviewOn, rs.getString("detail"),
                                     resolvedOn == null, resolvedOn == null && reviewOn.isBefore(today), resolvedOn,
                                     rs.getString("resolution_reason"));
    }

    private static Timeline.Assessment assessment(ResultSet rs) throws SQLException {
        return new Timeline.Assessment(rs.getObject("assessment_id", UUID.class),
                                       rs.getObject("assessed_on", LocalDate.class),
                                       rs.getString("assessor_id"),
                                       new ReintegrationScores(rs.getInt("economic"), rs.getInt("social"),
                                                               rs.getInt("psychosocial")),
                                       rs.getBoolean("baseline"));
    }

    private static Profile profile(ResultSet rs) throws SQLException {
        return new Profile(Profile.AgeBand.valueOf(rs.getString("age_band")),
                           Profile.Gender.valueOf(rs.getString("gender")),
                           rs.getString("nationality"),
                           Profile.FormOfExploitation.valueOf(rs.getString("form_of_exploitation")));
    }
}
