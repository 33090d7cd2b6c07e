package org.homeward.app.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Secret keys kept in files only their owner can read, created on first use. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The key in {@code file}, or a new random key of {@code bytes} bytes written there first. */
    public static byte[] readOrCreate(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[bytes];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, secret);
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < bytes) {
                throw new IllegalStateException("The key file " + file + " holds fewer than " + bytes + " bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }
}
