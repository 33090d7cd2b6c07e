package org.homeward.app.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Secret keys kept in files only their owner can read: the file 0600 (or stricter) in a directory 0700 (or
 * stricter). A key that others could have read or replaced is refused rather than used, since whoever reads the
 * master key opens every person's data and whoever reads the signing key signs in as anyone.
 */
public final class KeyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFiles() {
    }

    /** The key in {@code file}, or a new random key of {@code bytes} bytes written there first. */
    public static byte[] readOrCreate(Path file, int bytes) {
        return readOrCreate(file, bytes, () -> {
            byte[] secret = new byte[bytes];
            new SecureRandom().nextBytes(secret);
            return secret;
        });
    }

    /** The key in {@code file}, of at least {@code bytes} bytes, or a new one from {@code newKey} written there first. */
    public static byte[] readOrCreate(Path file, int bytes, Supplier<byte[]> newKey) {
        if (!Files.exists(file)) {
            create(file, newKey.get());
        }
        return read(file, bytes);
    }

    /** The key in {@code file}, which must exist and be readable by its owner only. */
    public static byte[] read(Path file, int bytes) {
        try {
            Path absolute = file.toAbsolutePath();
            refuseLoosePermissions(absolute.getParent(), "directory", "700");
            refuseLoosePermissions(absolute, "file", "600");
            byte[] secret = Files.readAllBytes(absolute);
            if (secret.length < bytes) {
                throw new IllegalStateException("The key file " + file + " holds fewer than " + bytes + " bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
    }

    /**
     * Writes the whole key to a temporary file in the same directory, then moves it into place atomically: a
     * crash leaves either no key file or a complete one, never a half-written one. Of two processes creating at
     * once, both end up reading the key that was put in place first.
     */
    private static void create(Path file, byte[] secret) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        try {
            if (!Files.exists(directory)) {
                if (posix(directory)) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                } else {
                    Files.createDirectories(directory);
                }
            }
            Path temporary = posix(directory)
                    ? Files.createTempFile(directory, ".key-", ".tmp",
                                           PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                    : Files.createTempFile(directory, ".key-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(secret));
                    channel.force(true); // on disk before it has its name, so a crash cannot leave it empty
                }
                moveIntoPlace(temporary, absolute);
            } catch (FileAlreadyExistsException theirs) {
                // another process created the key first: keep and read theirs
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the key file " + file, e);
        }
    }

    /**
     * Overwrites the key file with random bytes, forces them to disk, deletes it and forces the directory, so the
     * key is neither under its name nor, on storage that writes in place, in its old blocks. On SSDs and
     * copy-on-write or snapshotted filesystems the old blocks may survive the overwrite (docs/erasure.md). A file
     * already gone is no error: two processes may destroy the same superseded key.
     */
    public static void destroy(Path file) {
        try {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                byte[] noise = new byte[(int) channel.size()];
                new SecureRandom().nextBytes(noise);
                channel.write(ByteBuffer.wrap(noise), 0);
                channel.force(true);
            }
            Files.delete(file);
            try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                directory.force(true); // the deletion itself survives a crash
            }
        } catch (NoSuchFileException gone) {
            // destroyed by another process meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot destroy the key file " + file, e);
        }
    }

    /** A hard link never replaces an existing file, so of two processes creating at once one key wins. */
    private static void moveIntoPlace(Path temporary, Path file) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (noLinks instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void refuseLoosePermissions(Path path, String kind, String wanted) throws IOException {
        if (!posix(path)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new IllegalStateException("The key " + kind + " " + path + " has permissions "
                                            + PosixFilePermissions.toString(permissions)
                                            + ": others than its owner may read or change it. Restrict it to its"
                                            + " owner (chmod " + wanted + ") and check that the key was not copied"
                                            + " or replaced.");
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
