package org.homeward.app.support;

import java.nio.file.Path;
import java.time.Duration;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.access.LocalSigningKey;

/**
 * Synthetic staff for tests, signed in through local mode with one test signing key that every test
 * application is configured with.
 */
public final class TestUsers {

    public static final Path KEY_FILE = Path.of("target", "test-signing.key").toAbsolutePath();
    public static final Path MASTER_KEY_FILE = Path.of("target", "test-master.key").toAbsolutePath();
    private static final LocalSigningKey KEY = LocalSigningKey.loadOrCreate(KEY_FILE);

    private TestUsers() {
    }

    public static String token(Role role, String userId, String organisationId) {
        return KEY.issue(new Caller(userId, role, organisationId), Duration.ofHours(1));
    }

    public static Api as(int port, Role role, String userId, String organisationId) {
        return new Api(port, token(role, userId, organisationId));
    }
}
