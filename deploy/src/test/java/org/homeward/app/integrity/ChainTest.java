package org.homeward.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Journeys recorded through the API, a keeper that chains at once (no settle time), and the moves of an attacker
 * who has the rights of the database owner: switch off the immutability triggers, change rows, switch them on.
 */
@TestPropertySource(properties = {"homeward.integrity.settle-time=0s", "homeward.integrity.keeper-interval=100ms",
                                  "homeward.integrity.checkpoint-every=10"})
abstract class ChainTest extends HttpTest {

    private static final List<String> MILESTONES = List.of("SHELTER_ENTERED", "COUNSELLING_STARTED",
                                                           "MEDICAL_CHECKUP_DONE");

    /** Opens {@code journeys} journeys with three milestones each, then waits until the chain covers them all. */
    protected long recordAndChain(int journeys) {
        for (int i = 0; i < journeys; i++) {
            String journey = openJourney(intake());
            for (int m = 0; m < MILESTONES.size(); m++) {
                Reply recorded = api.post("/api/v1/journeys/" + journey + "/milestones",
                                          milestone(MILESTONES.get(m), INTAKE.plusDays(m), "synthetic"));
                assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            }
        }
        return awaitChained();
    }

    /** Waits until the chain head reaches the newest stored event and answers that position. */
    protected long awaitChained() {
        long newest = newestPosition();
        await().atMost(Duration.ofSeconds(30)).until(() -> chainHead() >= newest);
        return newest;
    }

    protected long newestPosition() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    protected long chainHead() {
        return jdbc.queryForObject("select global_index from integrity_chain_head", Long.class);
    }

    protected String headHash() {
        return ChainHash.hex(jdbc.queryForObject("select hash from integrity_chain_head", byte[].class));
    }

    /** The global index of the {@code n}-th stored event (from 0), in global order. */
    protected long position(int n) {
        return jdbc.queryForObject("select global_index from domain_event_entry order by global_index offset ? limit 1",
                                   Long.class, n);
    }

    /** The API as an auditor, who may ask for a verification. */
    protected Api auditor() {
        return as(Role.AUDITOR, "au-test", SyntheticJourneys.ORGANISATION);
    }

    protected JsonNode verify() {
        Reply reply = auditor().postRaw("/api/v1/audit/verify", "");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    /** Runs statements as someone with the owner's rights would: immutability triggers off, then on again. */
    protected void asAttacker(String table, Runnable change) {
        jdbc.execute("alter table " + table + " disable trigger user");
        try {
            change.run();
        } finally {
            jdbc.execute("alter table " + table + " enable trigger user");
        }
    }

    /** Copies the event at {@code source} to {@code target} as the journey's next event, with a new identifier. */
    protected void insertCopy(long source, long target) {
        jdbc.update("""
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                overriding system value
                select ?, ?, e.aggregate_identifier,
                       (select max(sequence_number) + 1 from domain_event_entry d
                        where d.aggregate_identifier = e.aggregate_identifier),
                       e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data
                from domain_event_entry e where e.global_index = ?""", target, UUID.randomUUID().toString(), source);
    }

    protected static void assertIntactUpTo(JsonNode verification, long position) {
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("verifiedUpTo").asLong()).isEqualTo(position);
        assertThat(verification.has("problem")).isFalse();
    }

    protected static void assertProblem(JsonNode verification, String kind, long position) {
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.path("problem").path("kind").asString()).isEqualTo(kind);
        assertThat(verification.path("problem").path("position").asLong()).isEqualTo(position);
        assertThat(verification.path("verifiedUpTo").asLong()).isEqualTo(Math.max(0, position - 1));
    }
}
