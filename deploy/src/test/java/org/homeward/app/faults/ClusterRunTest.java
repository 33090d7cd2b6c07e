package org.homeward.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * deploy/cluster/run.sh's cluster, short: a primary with a synchronous replica, two command and two query processes
 * behind HAProxy with the operator's configuration, one of each killed under load; nothing acknowledged is lost on
 * either database and every projection converges. Needs HAProxy (.ci/run installs it) and root, like the fault suite.
 */
class ClusterRunTest {

    @Test
    void killedProcessesLoseNothingAndTheirWorkIsTakenOver() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        boolean passed = ClusterRun.run(new String[] {"--short"},
                                        new PrintStream(printed, true, StandardCharsets.UTF_8));
        String summary = printed.toString(StandardCharsets.UTF_8);
        System.out.println(summary);
        assertThat(summary).contains("lost=0").contains("lostOnReplica=0").contains("readYourWritesMisses=0");
        assertThat(passed).as(summary).isTrue();
    }
}
