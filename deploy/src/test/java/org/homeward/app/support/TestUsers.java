package org.homeward.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.access.LocalSigningKey;

/**
 * Synthetic staff for tests, signed in through local mode with one test signing key that every test
 * application is configured with.
 */
public final class TestUsers {

    /** In a directory of their own: key files are refused in a directory others may read, as target is. */
    public static final Path KEY_FILE = Path.of("target", "test-keys", "signing.key").toAbsolutePath();
    public static final Path MASTER_KEY_FILE = Path.of("target", "test-keys", "master.key").toAbsolutePath();
    private static final LocalSigningKey KEY = LocalSigningKey.loadOrCreate(ownerOnly(KEY_FILE));

    /** A test-keys directory left by an older build may be readable by others, which key files refuse. */
    private static Path ownerOnly(Path keyFile) {
        try {
            Files.createDirectories(keyFile.getParent());
            Files.setPosixFilePermissions(keyFile.getParent(), PosixFilePermissions.fromString("rwx------"));
            return keyFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestUsers() {
    }

    public static String token(Role role, String userId, String organisationId) {
        return KEY.issue(new Caller(userId, role, organisationId), Duration.ofHours(1));
    }

    public static Api as(int port, Role role, String userId, String organisationId) {
        return new Api(port, token(role, userId, organisationId));
    }
}
