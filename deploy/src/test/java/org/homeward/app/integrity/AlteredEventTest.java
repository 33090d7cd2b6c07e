package org.homeward.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** One byte of one stored payload changed in PostgreSQL: verification names that exact position. */
class AlteredEventTest extends ChainTest {

    private static final String FLIP_ONE_BYTE =
            "update domain_event_entry set payload = set_byte(payload, 10, get_byte(payload, 10) # 1) "
            + "where global_index = ?";

    @Autowired
    private Environment environment;

    @Test
    void alteredPayloadIsNamedAtItsPositionUntilRestored() {
        long newest = recordAndChain(3);
        long altered = position(5);

        asAttacker("domain_event_entry", () -> jdbc.update(FLIP_ONE_BYTE, altered));

        assertProblem(verify(), Verification.ALTERED, altered);
        assertThat(commandLineStatus()).isEqualTo(1);

        asAttacker("domain_event_entry", () -> jdbc.update(FLIP_ONE_BYTE, altered));

        assertIntactUpTo(verify(), newest);
    }

    private int commandLineStatus() {
        return VerifyCommand.run(new String[] {"verify",
                                               "--spring.datasource.url="
                                               + environment.getRequiredProperty("spring.datasource.url"),
                                               "--spring.datasource.username=postgres",
                                               "--homeward.privacy.master-key-file=" + TestUsers.MASTER_KEY_FILE},
                                 new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                                 System.err);
    }
}
