package org.homeward.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.homeward.access.Role;
import org.homeward.app.HomewardApplication;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.query.support.TestDatabases;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The master key cannot be lost or swapped unnoticed, and key files are only used when no one but their owner
 * could have read or replaced them.
 */
class KeysSecurityTest {

    @TempDir
    Path keys;

    @Test
    void aMissingMasterKeyIsNotReplacedOnceDataIsSealedUnderIt() throws Exception {
        String database = TestDatabases.create();
        Path masterKey = keys.resolve("master.key");
        openAJourney(database, masterKey);

        Files.delete(masterKey);

        assertThatThrownBy(() -> start(database, masterKey).close())
                .rootCause().hasMessageContaining("master key file").hasMessageContaining("is missing");
        assertThat(masterKey).as("no new key was written in its place").doesNotExist();
    }

    @Test
    void anotherMasterKeyIsRefusedOnceDataIsSealedUnderTheFirst() throws Exception {
        String database = TestDatabases.create();
        openAJourney(database, keys.resolve("master.key"));
        Path otherKey = Files.createDirectory(keys.resolve("other"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))).resolve("master.key");
        KeyFiles.readOrCreate(otherKey, 32);

        assertThatThrownBy(() -> start(database, otherKey).close())
                .rootCause().hasMessageContaining("not the one the stored data was sealed with");
    }

    @Test
    void keyFilesAreCreatedForTheirOwnerOnly() throws Exception {
        Path file = keys.resolve("new").resolve("some.key");

        KeyFiles.readOrCreate(file, 32);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left beside it").containsExactly(file);
        }
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        Path file = keys.resolve("master.key");
        Files.write(file, new byte[32]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyFiles.readOrCreate(file, 32)).hasMessageContaining("chmod 600");
    }

    @Test
    void aKeyFileInADirectoryOthersCanChangeIsRefused() throws Exception {
        Path directory = Files.createDirectory(keys.resolve("shared"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path file = directory.resolve("master.key");
        Files.write(file, new byte[32]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> KeyFiles.readOrCreate(file, 32)).hasMessageContaining("chmod 700");
    }

    private void openAJourney(String database, Path masterKey) {
        try (ConfigurableApplicationContext first = start(database, masterKey)) {
            int port = first.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(TestUsers.as(port, Role.SUPERVISOR, "sv-test", SyntheticJourneys.ORGANISATION)
                                .post("/api/v1/journeys", SyntheticJourneys.intake()).status()).isEqualTo(201);
        }
    }

    private static ConfigurableApplicationContext start(String database, Path masterKey) {
        // as command-line arguments, which outrank application.yml (builder properties would not)
        return new SpringApplicationBuilder(HomewardApplication.class)
                .run("--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                     "--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                     "--homeward.access.local-key-file=" + TestUsers.KEY_FILE,
                     "--homeward.privacy.master-key-file=" + masterKey);
    }
}
