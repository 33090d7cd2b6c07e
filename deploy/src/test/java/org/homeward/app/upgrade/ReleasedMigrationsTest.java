package org.homeward.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every migration a captured release applied ({@code upgrade/<release>/migrations} in the test resources) is still
 * shipped, once, with the same bytes: Flyway's checksum covers every byte, comments included, so an edited or
 * moved-and-touched migration stops every database that release made from starting. Quicker and plainer than
 * {@link UpgradeTest}, which finds the same through Flyway's validation.
 */
class ReleasedMigrationsTest {

    @Test
    void everyMigrationAReleaseAppliedIsShippedByteForByte() throws IOException {
        Path releases = ReleaseDatabase.fixture(UpgradeTest.RELEASE).getParent();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> released = Files.list(releases)) {
            for (Path release : released.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(release.resolve("migrations"))) {
                    for (Path migration : files.sorted().toList()) {
                        String name = migration.getFileName().toString();
                        List<URL> shipped = Collections.list(
                                getClass().getClassLoader().getResources("db/migration/" + name));
                        if (shipped.size() != 1) {
                            problems.add(name + " (applied by release " + release.getFileName() + ") is shipped "
                                         + shipped.size() + " times: " + shipped);
                        } else if (!Arrays.equals(Files.readAllBytes(migration), read(shipped.get(0)))) {
                            problems.add(name + " differs from what release " + release.getFileName() + " applied"
                                         + " (" + shipped.get(0) + "); restore its bytes with git show "
                                         + release.getFileName() + ":<its path then>. Never edit an applied"
                                         + " migration: add a new one");
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("migrations of captured releases").isPositive();
        assertThat(problems).isEmpty();
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
