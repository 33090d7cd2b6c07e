package org.homeward.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The jar carries the embedded default's PostgreSQL for every machine a user is likely to start it on, so that
 * "java -jar homeward.jar" works on an ARM server or an Apple Silicon laptop as on this machine. Only Linux amd64
 * was tried here; the others are zonky's builds of the same PostgreSQL.
 */
class EmbeddedPlatformsTest {

    @Test
    void binariesForLinuxAndMacOsOnAmd64AndArm64AreOnTheClassPath() {
        for (String platform : new String[] {"linux-x86_64", "linux-arm_64", "darwin-x86_64", "darwin-arm_64"}) {
            assertThat(getClass().getClassLoader().getResource("postgres-" + platform + ".txz")).as(platform)
                                                                                              .isNotNull();
        }
    }
}
