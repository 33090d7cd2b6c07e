package org.homeward.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A sequence-ordered store hands out global indexes at insert time, but transactions commit in any order. An
 * event whose transaction commits after later events must still reach the timeline.
 */
class LateCommitTest extends HttpTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    @Test
    void timelineIncludesEventWhoseTransactionCommittedAfterLaterOnes() throws Exception {
        String slowJourney = openJourney(intake());
        String busyJourney = openJourney(intake());
        UUID lateMilestone = UUID.randomUUID();

        long lateIndex;
        long laterVersion = 0;
        try (Connection slowWriter = dataSource.getConnection()) {
            slowWriter.setAutoCommit(false);
            lateIndex = appendUncommitted(slowWriter, new MilestoneRecorded(
                    UUID.fromString(slowJourney), lateMilestone, MilestoneType.SAFETY_PLAN_AGREED, INTAKE, null, null,
                    null));

            for (int i = 0; i < 3; i++) {
                laterVersion = api.post("/api/v1/journeys/" + busyJourney + "/milestones",
                                        milestone("SUPPORT_GROUP_JOINED", INTAKE.plusDays(i), null))
                                  .json().path("version").asLong();
            }
            Reply busy = api.get("/api/v1/journeys/" + busyJourney + "/timeline?minVersion=" + laterVersion);
            assertThat(busy.json().path("milestones")).hasSize(3);
            assertThat(jdbc.queryForObject("select min(global_index) from domain_event_entry "
                                           + "where aggregate_identifier = ? and sequence_number > 0",
                                           Long.class, busyJourney))
                    .as("later events were given higher indexes and committed first")
                    .isGreaterThan(lateIndex);

            slowWriter.commit();
        }

        Reply slow = api.get("/api/v1/journeys/" + slowJourney + "/timeline?minVersion=1");
        assertThat(slow.status()).isEqualTo(200);
        assertThat(slow.json().path("milestones").get(0).path("milestoneId").asString())
                .isEqualTo(lateMilestone.toString());
    }

    /** Appends the event as the journey's second event, exactly as the event store stores it, without committing. */
    private long appendUncommitted(Connection connection, MilestoneRecorded event) throws Exception {
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
            insert.setString(3, Instant.now().toString());
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
