package org.homeward.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup file: a zip (inspect it with {@code unzip -l}) of the data directory under {@code data/}, with the
 * manifest ({@link BackupManifest}) last. Each entry's SHA-256 is in the manifest; a reader checks every entry
 * against it, and that nothing was added or left out, before anything is written.
 */
final class BackupArchive {

    static final String DATA = "data/";
    private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BackupArchive() {
    }

    /** Writes entries one after the other, each with its checksum, then the manifest. */
    static final class Writer implements AutoCloseable {

        private final ZipOutputStream zip;
        private final List<BackupManifest.Entry> entries = new ArrayList<>();

        Writer(OutputStream out) {
            this.zip = new ZipOutputStream(out);
            zip.setLevel(6);
        }

        void directory(String name) throws IOException {
            String entry = DATA + name + (name.endsWith("/") ? "" : "/");
            zip.putNextEntry(new ZipEntry(entry));
            zip.closeEntry();
            entries.add(new BackupManifest.Entry(entry, 0, HexFormat.of().formatHex(sha256().digest())));
        }

        /** Copies {@code content} to its end, whatever its length by then (a file PostgreSQL is writing). */
        void file(String name, InputStream content) throws IOException {
            MessageDigest digest = sha256();
            zip.putNextEntry(new ZipEntry(DATA + name));
            long size = content.transferTo(new DigestOutputStream(new NoClose(zip), digest));
            zip.closeEntry();
            entries.add(new BackupManifest.Entry(DATA + name, size, HexFormat.of().formatHex(digest.digest())));
        }

        List<BackupManifest.Entry> entries() {
            return List.copyOf(entries);
        }

        void finish(BackupManifest manifest) throws IOException {
            zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
            zip.write(json.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /**
     * Reads the whole file and checks it against its manifest, writing nothing: every entry's size and SHA-256
     * (and the zip's own CRC-32), no entry missing, none added, none outside {@code data/}, the manifest last.
     */
    static BackupManifest verify(Path file) {
        return read(file, null);
    }

    /**
     * Writes every entry into {@code directory} (files 0600, directories 0700), checking each against the
     * manifest as it goes, in case the file changed since it was verified.
     */
    static void extract(Path file, Path directory) {
        read(file, directory);
    }

    private static BackupManifest read(Path file, Path into) {
        List<BackupManifest.Entry> found = new ArrayList<>();
        BackupManifest manifest = null;
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (manifest != null) {
                    throw new BadBackup("an entry follows the manifest (" + name + ")");
                }
                if (!names.add(name)) {
                    throw new BadBackup("the entry " + name + " is there twice");
                }
                if (name.equals(BackupManifest.NAME)) {
                    manifest = manifest(zip.readNBytes(1 << 24));
                    continue;
                }
                String relative = relative(name);
                MessageDigest digest = sha256();
                long size;
                if (into == null || entry.isDirectory()) {
                    size = zip.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                    if (into != null) {
                        Files.createDirectories(into.resolve(relative),
                                                PosixFilePermissions.asFileAttribute(
                                                        PosixFilePermissions.fromString("rwx------")));
                    }
                } else {
                    Path target = into.resolve(relative);
                    Files.createDirectories(target.getParent(), PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                    Files.createFile(target, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                        size = zip.transferTo(new DigestOutputStream(out, digest));
                    }
                }
                BackupManifest.Entry read = new BackupManifest.Entry(name, size,
                                                                     HexFormat.of().formatHex(digest.digest()));
                found.add(read);
            }
        } catch (BadBackup e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadBackup("it cannot be read as a backup file (" + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        if (manifest == null) {
            throw new BadBackup("it has no manifest (" + BackupManifest.NAME + "): it is incomplete or not a backup");
        }
        if (!manifest.entries().equals(found)) {
            List<BackupManifest.Entry> wrong = new ArrayList<>(found);
            wrong.removeAll(manifest.entries());
            List<BackupManifest.Entry> missing = new ArrayList<>(manifest.entries());
            missing.removeAll(found);
            throw new BadBackup("its content does not match its manifest: "
                                + (wrong.isEmpty() ? "" : "checksum or size differs for " + names(wrong) + "; ")
                                + (missing.isEmpty() ? "" : "missing or changed: " + names(missing)));
        }
        return manifest;
    }

    private static BackupManifest manifest(byte[] content) {
        BackupManifest manifest;
        try {
            manifest = json.readValue(content, BackupManifest.class);
        } catch (JacksonException e) {
            throw new BadBackup("its manifest cannot be read (" + e.getOriginalMessage() + ")");
        }
        if (!BackupManifest.FORMAT.equals(manifest.format())) {
            throw new BadBackup("it is not a Homeward backup");
        }
        if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
            throw new BadBackup("it is of format version " + manifest.formatVersion() + ", which this Homeward"
                                + " does not know; restore it with the Homeward that wrote it ("
                                + manifest.homewardVersion() + ") or a newer one");
        }
        if (manifest.entries() == null || manifest.keys() == null) {
            throw new BadBackup("its manifest is incomplete");
        }
        return manifest;
    }

    /** The entry's path inside the data directory; nothing may point outside it. */
    private static String relative(String name) {
        if (!name.startsWith(DATA) || name.equals(DATA)) {
            throw new BadBackup("the entry " + name + " is outside data/");
        }
        String relative = name.substring(DATA.length());
        for (String part : relative.split("/")) {
            if (part.isEmpty() && !relative.endsWith("/") || part.equals("..") || part.equals(".")
                || part.contains("\\")) {
                throw new BadBackup("the entry " + name + " has a path that is not allowed");
            }
        }
        return relative;
    }

    private static String names(List<BackupManifest.Entry> entries) {
        List<String> names = entries.stream().limit(5).map(BackupManifest.Entry::name).toList();
        return String.join(", ", names) + (entries.size() > 5 ? " and " + (entries.size() - 5) + " more" : "");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A backup file that is damaged, incomplete or not a backup: refused before anything is written. */
    static final class BadBackup extends RuntimeException {

        BadBackup(String reason) {
            super(reason);
        }
    }

    /** The zip stream stays open when one entry's copy ends. */
    private static final class NoClose extends java.io.FilterOutputStream {

        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
