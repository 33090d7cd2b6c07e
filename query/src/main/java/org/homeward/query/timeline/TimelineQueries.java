package org.homeward.query.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.FindTimeline;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.Profile;
import org.homeward.journey.Timeline;
import org.springframework.beans.factory.annotation.Value;
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
    private final Duration catchUpTimeout;

    TimelineQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                    @Value("${homeward.timeline.catch-up-timeout:5s}") Duration catchUpTimeout) {
        this.jdbc = jdbc;
        // the three reads of a timeline must see one state of the projection, not one half-applied batch
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.catchUpTimeout = catchUpTimeout;
    }

    /**
     * @throws UnknownJourneyException when no such journey has been opened
     * @throws TimelineBehindException when the timeline did not reach {@code minVersion} in time
     */
    @QueryHandler
    Timeline handle(FindTimeline query) throws InterruptedException {
        awaitVersion(query.journeyId(), query.minVersion());
        return snapshot.execute(tx -> read(query.journeyId())).orElseThrow(() -> new UnknownJourneyException(query.journeyId()));
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
                    throw new UnknownJourneyException(journeyId);
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

    private Optional<Timeline> read(UUID journeyId) {
        Map<UUID, List<Timeline.Revision>> revisions = new HashMap<>();
        jdbc.query("""
                   select milestone_id, version, type, occurred_on, note, correction_reason
                   from timeline_milestone_revision where journey_id = ? order by version
                   """,
                   rs -> {
                       revisions.computeIfAbsent(rs.getObject("milestone_id", UUID.class), id -> new ArrayList<>())
                                .add(new Timeline.Revision(rs.getLong("version"),
                                                           MilestoneType.valueOf(rs.getString("type")),
                                                           rs.getObject("occurred_on", LocalDate.class),
                                                           rs.getString("note"),
                                                           rs.getString("correction_reason")));
                   },
                   journeyId);
        List<Timeline.Milestone> milestones = jdbc.query("""
                 select milestone_id, type, occurred_on, note, retracted, retraction_reason
                 from timeline_milestone where journey_id = ? order by occurred_on, recorded_version
                 """,
                 (rs, row) -> milestone(rs, revisions),
                 journeyId);
        return jdbc.query("select * from timeline_journey where journey_id = ?",
                          (rs, row) -> journey(rs, milestones), journeyId).stream().findFirst();
    }

    private static Timeline.Milestone milestone(ResultSet rs, Map<UUID, List<Timeline.Revision>> revisions)
            throws SQLException {
        UUID milestoneId = rs.getObject("milestone_id", UUID.class);
        MilestoneType type = MilestoneType.valueOf(rs.getString("type"));
        return new Timeline.Milestone(milestoneId, type, type.area(), rs.getObject("occurred_on", LocalDate.class),
                                      rs.getString("note"), rs.getBoolean("retracted"),
                                      rs.getString("retraction_reason"),
                                      revisions.getOrDefault(milestoneId, List.of()));
    }

    private static Timeline journey(ResultSet rs, List<Timeline.Milestone> milestones) throws SQLException {
        String closureReason = rs.getString("closure_reason");
        return new Timeline(rs.getObject("journey_id", UUID.class),
                            rs.getString("organisation_id"),
                            rs.getString("case_manager_id"),
                            rs.getObject("intake_date", LocalDate.class),
                            new Profile(Profile.AgeBand.valueOf(rs.getString("age_band")),
                                        Profile.Gender.valueOf(rs.getString("gender")),
                                        rs.getString("nationality"),
                                        Profile.FormOfExploitation.valueOf(rs.getString("form_of_exploitation"))),
                            Timeline.Status.valueOf(rs.getString("status")),
                            rs.getObject("closed_on", LocalDate.class),
                            closureReason == null ? null : ClosureReason.valueOf(closureReason),
                            rs.getLong("version"),
                            milestones);
    }
}
