package org.homeward.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An auditor verifies a store nobody tampered with: intact up to the newest event, holes and all. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.org.homeward.app.integrity.ChainKeeper=INFO")
class UntouchedChainTest extends ChainTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Environment environment;

    @Test
    void untouchedStoreVerifiesIntactUpToTheNewestEvent() {
        long newest = recordAndChain(3);

        JsonNode verification = verify();

        assertIntactUpTo(verification, newest);
        assertThat(verification.path("verifiedHash").asString()).isEqualTo(headHash());
        assertThat(verification.path("trailing").path("chainHead").asLong()).isEqualTo(newest);
        assertThat(verification.path("trailing").path("newestPosition").asLong()).isEqualTo(newest);
        assertThat(verification.path("trailing").path("unchainedEvents").asLong()).isZero();
    }

    @Test
    void rolledBackInsertIsChainedAsAbsentAndTheStoreStillVerifies() throws Exception {
        recordAndChain(1);
        long hole;
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (var insert = writer.prepareStatement("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload, meta_data)
                    values (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Journey', '2026-01-12T00:00:00Z',
                            'none', '\\x7b7d', null)
                    returning global_index""");
                 var inserted = insert.executeQuery()) {
                inserted.next();
                hole = inserted.getLong(1);
            }
            writer.rollback();
        }
        long newest = recordAndChain(1);

        assertThat(jdbc.queryForObject("select absent from integrity_chain where global_index = ?", Boolean.class,
                                       hole)).isTrue();
        assertIntactUpTo(verify(), newest);
    }

    @Test
    void headCopiedOutOfTheLogIsCheckedAgainstTheRecomputedChain(CapturedOutput output) {
        // 12 events, more than checkpoint-every: the newest checkpoint is one written, and logged, during this test
        long newest = recordAndChain(3);
        Map<String, Object> checkpoint = jdbc.queryForMap("""
                select global_index, hash from integrity_checkpoint order by global_index desc limit 1""");
        long position = (Long) checkpoint.get("global_index");
        String hash = ChainHash.hex((byte[]) checkpoint.get("hash"));

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(output.getAll())
                        .contains("Integrity chain checkpoint: position " + position + " hash " + hash));
        Reply matching = auditor().post("/api/v1/audit/verify", Map.of("position", position, "hash", hash));
        assertThat(matching.json().path("intact").asBoolean()).isTrue();
        assertThat(matching.json().path("externalCopy").asString()).isEqualTo("matches");
        assertThat(matching.json().path("verifiedUpTo").asLong()).isEqualTo(newest);

        String otherHash = hash.substring(0, 63) + (hash.endsWith("0") ? "1" : "0");
        Reply differing = auditor().post("/api/v1/audit/verify", Map.of("position", position, "hash", otherHash));
        assertProblem(differing.json(), Verification.CHAIN_REWRITTEN, position);
    }

    @Test
    void malformedCopyIsRefusedNamingTheField() {
        Reply reply = auditor().post("/api/v1/audit/verify", Map.of("position", 1, "hash", "not-a-hash"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("hash");
    }

    @Test
    void commandLineVerifiesTheConfiguredDatabaseAndExitsZero() {
        long newest = recordAndChain(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = VerifyCommand.run(new String[] {"verify",
                                                     "--spring.datasource.url="
                                                     + environment.getRequiredProperty("spring.datasource.url"),
                                                     "--spring.datasource.username=postgres",
                                                     "--homeward.privacy.master-key-file=" + TestUsers.MASTER_KEY_FILE},
                                       new PrintStream(out, true, StandardCharsets.UTF_8),
                                       new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode printed = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(printed.path("intact").asBoolean()).isTrue();
        assertThat(printed.path("verifiedUpTo").asLong()).isGreaterThanOrEqualTo(newest);
    }

    @Test
    void commandLineRefusesAMalformedCopy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = VerifyCommand.run(new String[] {"verify", "--expect=12:abc"}, System.out,
                                       new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--expect takes POSITION:HASH");
    }
}
