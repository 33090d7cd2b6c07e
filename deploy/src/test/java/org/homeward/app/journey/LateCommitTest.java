package org.homeward.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.ORGANISATION;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

/**
 * A store that draws positions at insert time while transactions commit in any order lets a reader see a later
 * position before an earlier one commits; Axon's JDBC engine then decides from the event's timestamp and a timeout
 * whether to wait for it (Axon #4829). Here the writer's clock runs a day behind and the timeout is a millisecond:
 * an engine that guessed would skip the event for ever. Ours cannot, because positions are drawn in commit order.
 */
@TestPropertySource(properties = "homeward.event-store.gap-timeout=1ms")
class LateCommitTest extends HttpTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    @Test
    void eventCommittedLateByAWriterWhoseClockIsBehindReachesEveryProjection() throws Exception {
        String slowJourney = openJourney(intake());
        String busyJourney = openJourney(intake());
        UUID lateMilestone = UUID.randomUUID();

        long lateIndex;
        List<CompletableFuture<Reply>> later = new ArrayList<>();
        try (Connection slowWriter = dataSource.getConnection()) {
            slowWriter.setAutoCommit(false);
            lateIndex = appendUncommitted(slowWriter, new MilestoneRecorded(
                    UUID.fromString(slowJourney), lateMilestone, MilestoneType.SAFETY_PLAN_AGREED, INTAKE, null, null,
                    null), Instant.now().minus(Duration.ofDays(1)));
            for (int i = 0; i < 3; i++) {
                LocalDate day = INTAKE.plusDays(i);
                later.add(CompletableFuture.supplyAsync(() -> api.post(
                        "/api/v1/journeys/" + busyJourney + "/milestones", milestone("SUPPORT_GROUP_JOINED", day, null))));
            }
            Thread.sleep(1_000);
            assertThat(later).as("later appends wait for the earlier one to commit").noneMatch(CompletableFuture::isDone);
            slowWriter.commit();
        }

        assertThat(later).allSatisfy(reply -> assertThat(reply.get().status()).isEqualTo(201));
        assertThat(jdbc.queryForObject("select min(global_index) from domain_event_entry "
                                       + "where aggregate_identifier = ? and sequence_number > 0",
                                       Long.class, busyJourney))
                .as("later appends were given later positions").isGreaterThan(lateIndex);
        assertThat(lateMilestoneIn(slowJourney)).isEqualTo(lateMilestone.toString());
        assertThat(api.get("/api/v1/journeys/" + busyJourney + "/timeline?minVersion=3").json().path("milestones"))
                .hasSize(3);
        awaitCaughtUp("audit");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where global_index = ?", Long.class,
                                       lateIndex)).isEqualTo(1);

        Api admin = as(Role.ADMINISTRATOR, "admin-test", ORGANISATION);
        assertThat(admin.post("/api/v1/admin/projections/timeline/rebuild", Map.of()).status()).isEqualTo(202);
        awaitCaughtUp("timeline");
        assertThat(lateMilestoneIn(slowJourney)).as("a processor reading far behind the head").isEqualTo(
                lateMilestone.toString());
    }

    private String lateMilestoneIn(String journey) {
        Reply timeline = api.get("/api/v1/journeys/" + journey + "/timeline?minVersion=1");
        assertThat(timeline.status()).isEqualTo(200);
        return timeline.json().path("milestones").get(0).path("milestoneId").asString();
    }

    /** Appends the event as the journey's second event, exactly as the event store stores it, without committing. */
    private long appendUncommitted(Connection connection, MilestoneRecorded event, Instant stamped)
            throws Exception {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, 1, 'Journey', ?, ?, ?, ?, ?)
                returning global_index
                """)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, event.journeyId().toString());
            insert.setString(3, stamped.toString());
            insert.setString(4, payload.getType().getName());
            insert.setString(5, payload.getType().getRevision());
            insert.setBytes(6, payload.getData());
            insert.setBytes(7, metaData.getData());
            try (ResultSet index = insert.executeQuery()) {
                index.next();
                return index.getLong(1);
            }
        }
    }
}
