package org.homeward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.awaitility.Awaitility;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * At start the application says, one line each, which database it runs on, where and how to sign in, and when
 * its projections have caught up; none of them carries a secret. The embedded database's line is asserted in
 * {@code EmbeddedDefaultTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.org.homeward=INFO",
                                  // the local server lets the test user in without one; it must not be logged
                                  "spring.datasource.password=" + StartupLogTest.PASSWORD})
class StartupLogTest extends HttpTest {

    static final String PASSWORD = "not-to-be-logged-4f1c";

    @Test
    void startSaysDatabaseSignInAndCatchUpWithoutSecrets(CapturedOutput output) throws IOException {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                  .until(() -> output.getAll().contains("Projections caught up with the event store"));

        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).filteredOn(line -> line.matches(".*Database: PostgreSQL server 127\\.0\\.0\\.1:\\d+,"
                                                          + " database homeward_test_\\w+")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.contains("Sign-in: local mode; the API at http://127.0.0.1:"
                                                           + port() + "/api/v1 takes bearer tokens issued with: java"
                                                           + " -jar homeward.jar token")
                                             && line.contains("--key-file " + TestUsers.KEY_FILE)).hasSize(1);
        assertThat(lines).filteredOn(line -> line.contains("Projections caught up with the event store: audit,"
                                                           + " caseload, outcomes, programs, timeline")).hasSize(1);

        String all = output.getAll();
        assertThat(all).doesNotContain(PASSWORD);
        List<Path> keyFiles;
        try (var files = Files.list(TestUsers.KEY_FILE.getParent())) {
            keyFiles = files.toList();
        }
        // the test classes share these keys, and one that erases rotates master.key to master-2.key, ...
        assertThat(keyFiles).contains(TestUsers.KEY_FILE)
                            .anyMatch(file -> file.getFileName().toString().matches("master(-\\d+)?\\.key"));
        for (Path keyFile : keyFiles) {
            byte[] key = Files.readAllBytes(keyFile);
            assertThat(all).doesNotContain(Base64.getEncoder().encodeToString(key))
                           .doesNotContainIgnoringCase(HexFormat.of().formatHex(key));
        }
    }
}
