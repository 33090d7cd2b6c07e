package org.homeward.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed OpenAPI document (kept equal to the served one by {@link ApiContractTest}) passes Redocly CLI's
 * recommended rules with no error, as an integrator's own tooling would lint it. Needs Node.js and the npm
 * registry or npm's cache; {@code .ci/run} installs Node.js where it is missing.
 */
class ApiLintTest {

    @Test
    void theDocumentHasNoLintError(@TempDir Path work) throws IOException, InterruptedException {
        Path output = work.resolve("lint.txt");
        Process lint = new ProcessBuilder("bash", "api/lint.sh").redirectErrorStream(true)
                                                                .redirectOutput(output.toFile()).start();
        boolean ended = lint.waitFor(3, TimeUnit.MINUTES);
        lint.destroyForcibly();
        String printed = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(ended).as("lint ended within 3 minutes").isTrue();
        assertThat(lint.exitValue()).as(printed).isZero();
        assertThat(printed).contains("openapi.json: validated").contains("Your API description is valid");
    }
}
