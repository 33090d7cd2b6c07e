package org.homeward.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's short run (deploy/faults/run.sh --short) as part of the build: concurrent writers and
 * late commits. Real processes on a private PostgreSQL cluster; needs root and
 * the machine's PostgreSQL binaries, like the suite itself.
 */
class FaultSuiteTest {

    @Test
    void shortRunPassesEveryScenario() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int failed = FaultSuite.run(new String[] {"--short"}, new PrintStream(new TeeStream(out, System.out), true));
        String summary = printed.toString(StandardCharsets.UTF_8);
        assertThat(summary).containsPattern("(?m)^\\d+ passed, 0 failed$");
        assertThat(failed).as(summary).isZero();
    }

    /** Prints to both, so that the build's log shows the scenario lines as they come. */
    private static final class TeeStream extends java.io.OutputStream {
        private final PrintStream first;
        private final PrintStream second;

        TeeStream(PrintStream first, PrintStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
