package org.homeward.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.homeward.app.HomewardApplication;
import org.homeward.app.database.EmbeddedDatabase;
import org.homeward.app.database.EmbeddedServer;
import org.homeward.app.integrity.CheckpointKey;

/**
 * {@code java -jar homeward.jar backup --to FILE}: a consistent copy of the embedded database into one new file,
 * while Homeward runs or not; exit status 0 when written, 1 when not, 2 on a usage error. The keys are not in it
 * (docs/backup.md): it names the ones it needs.
 *
 * <p>A physical online backup by PostgreSQL's low-level API (the embedded binaries have no pg_basebackup; see
 * docs/decisions/0011-physical-backup.md): a temporary replication slot keeps the WAL, {@code pg_backup_start},
 * a copy of the data directory while PostgreSQL goes on writing, {@code pg_backup_stop}, whose backup_label goes
 * into the file, then the WAL from the start to the stop position. Restored, PostgreSQL replays that WAL over the
 * copy up to the stop position: the database as it was then, with every transaction committed by then and none
 * half, as after a crash at that moment.
 */
public final class BackupCommand {

    /** Directories whose content PostgreSQL's documentation says to leave out; they are kept, empty. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
                                                      "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files of the top level left out: the running server's, zonky's lock, and any earlier backup's label. */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
                                                       "backup_label", "backup_label.old", "tablespace_map",
                                                       "tablespace_map.old", "backup_manifest");
    private static final String PG_CONTROL = "global/pg_control";

    private BackupCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("backup");
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse("backup", "to", args);
        } catch (IllegalArgumentException e) {
            err.println("backup: " + e.getMessage());
            return 2;
        }
        try {
            Installation installation = Installation.of(arguments.springArgs());
            BackupManifest manifest = backUp(installation, arguments.file());
            out.println("backup: wrote " + arguments.file() + " (" + Files.size(arguments.file()) + " bytes, "
                        + manifest.entries().size() + " entries), consistent as of WAL position "
                        + manifest.stopLsn() + "; it holds no key: the data needs "
                        + needs(manifest.keys()) + ", kept in their own backup (docs/backup.md)");
            return 0;
        } catch (Refused e) {
            err.println("backup: " + e.getMessage());
            return 1;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("backup: failed, no backup written: " + e);
            return 1;
        }
    }

    static String needs(BackupManifest.KeysNeeded keys) {
        List<String> needed = new ArrayList<>();
        keys.masterKeys().forEach(key -> needed.add("master key " + key.id()));
        if (keys.checkpointPublicKey() != null) {
            needed.add("the checkpoint key");
        }
        needed.add("the database password files");
        return String.join(", ", needed);
    }

    static BackupManifest backUp(Installation installation, Path target) throws IOException, SQLException {
        if (!installation.datasourceUrl().isBlank()) {
            throw new Refused("a database server is configured (spring.datasource.url); back it up with"
                              + " pg_basebackup and WAL archiving (docs/backup.md). This command copies the"
                              + " embedded database.");
        }
        Path data = installation.data();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            throw new Refused("there is no embedded database in " + data + " to back up");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(target + " exists; a backup is only written to a new file");
        }
        Path directory = target.getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + "-", ".partial",
                                              PosixFilePermissions.asFileAttribute(
                                                      PosixFilePermissions.fromString("rw-------")));
        try {
            BackupManifest manifest;
            OptionalInt running = EmbeddedDatabase.runningPort(data);
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                if (running.isPresent()) {
                    manifest = copy(installation, running.getAsInt(), out);
                } else {
                    // nothing runs on it: start it for the copy (a Homeward starting meanwhile waits for us)
                    try (EmbeddedServer server = EmbeddedDatabase.start(data, installation.keys())) {
                        manifest = copy(installation, server.port(), out);
                    }
                }
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                // a link never replaces a file: a backup that appeared meanwhile is kept
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                throw new Refused(target + " appeared while the backup was written; it is left as it is");
            } catch (UnsupportedOperationException | IOException noLinks) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            try (FileChannel parent = FileChannel.open(directory, StandardOpenOption.READ)) {
                parent.force(true);
            }
            return manifest;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static BackupManifest copy(Installation installation, int port, OutputStream file)
            throws IOException, SQLException {
        Properties login = new Properties();
        login.setProperty("user", EmbeddedDatabase.SUPERUSER);
        login.setProperty("password", Files.readString(
                installation.keys().resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).strip());
        login.setProperty("ApplicationName", "homeward backup");
        Path data = installation.data();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedDatabase.DATABASE, login);
             Statement sql = connection.createStatement();
             BackupArchive.Writer archive = new BackupArchive.Writer(file)) {
            String takenAt = Instant.now().toString();
            long eventsAtStart = single(sql, "select coalesce(max(global_index), 0) from domain_event_entry");
            Set<BackupManifest.MasterKey> masterKeys = new LinkedHashSet<>(currentMasterKey(sql));
            // keeps every WAL segment from here on until this session ends, whatever checkpoints run meanwhile
            sql.execute("select pg_create_physical_replication_slot('homeward_backup_' || pg_backend_pid(),"
                        + " true, true)");
            String startLsn;
            try (ResultSet row = sql.executeQuery("select pg_backup_start('homeward backup " + takenAt
                                                  + "', true)::text")) {
                row.next();
                startLsn = row.getString(1);
            }
            copyDirectory(data, "", archive);
            archive.file(PG_CONTROL, new java.io.ByteArrayInputStream(stableRead(data.resolve(PG_CONTROL))));
            masterKeys.addAll(currentMasterKey(sql));
            String stopLsn;
            String label;
            String tablespaceMap;
            try (ResultSet row = sql.executeQuery(
                    "select lsn::text, labelfile, spcmapfile from pg_backup_stop(wait_for_archive => false)")) {
                row.next();
                stopLsn = row.getString(1);
                label = row.getString(2);
                tablespaceMap = row.getString(3);
            }
            archive.file("backup_label", new java.io.ByteArrayInputStream(label.getBytes()));
            if (tablespaceMap != null && !tablespaceMap.isBlank()) {
                throw new Refused("the data directory has tablespaces, which the embedded database never makes");
            }
            copyWal(sql, data.resolve("pg_wal"), startLsn, stopLsn, archive);
            String checkpointKey = single(sql, "select count(*) from integrity_checkpoint where signature is not null")
                                   > 0 ? CheckpointKey.publicKeyOf(installation.checkpointKeyFile()) : null;
            BackupManifest manifest = new BackupManifest(
                    BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION, homewardVersion(),
                    text(sql, "select version from flyway_schema_history where success"
                              + " order by installed_rank desc limit 1"),
                    text(sql, "show server_version"), takenAt, startLsn, stopLsn, eventsAtStart,
                    new BackupManifest.KeysNeeded(List.copyOf(masterKeys), checkpointKey,
                                                  KeyProofs.passwordProofs(installation.keys())),
                    archive.entries());
            archive.finish(manifest);
            return manifest;
        }
    }

    /** The current master key's id and check value; none while nothing was ever sealed. */
    private static List<BackupManifest.MasterKey> currentMasterKey(Statement sql) throws SQLException {
        List<BackupManifest.MasterKey> keys = new ArrayList<>();
        try (ResultSet row = sql.executeQuery(
                "select key_id, check_value from master_key order by key_id desc limit 1")) {
            while (row.next()) {
                keys.add(new BackupManifest.MasterKey(row.getInt(1), row.getString(2)));
            }
        }
        return keys;
    }

    /**
     * Every file under {@code directory} as it is while read: PostgreSQL goes on writing, a torn page is put
     * right by the full-page images in the WAL, and a file deleted meanwhile is not needed.
     */
    private static void copyDirectory(Path root, String relative, BackupArchive.Writer archive) throws IOException {
        Path directory = relative.isEmpty() ? root : root.resolve(relative);
        Map<String, Path> children = new TreeMap<>();
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(directory)) {
            listed.forEach(child -> children.put(child.getFileName().toString(), child));
        } catch (NoSuchFileException gone) {
            return;
        }
        for (Map.Entry<String, Path> child : children.entrySet()) {
            String name = child.getKey();
            String path = relative.isEmpty() ? name : relative + "/" + name;
            if (relative.isEmpty() && LEFT_OUT.contains(name) || path.equals(PG_CONTROL)
                || name.startsWith("pgsql_tmp") || name.equals("pg_internal.init")) {
                continue;
            }
            Path file = child.getValue();
            if (Files.isSymbolicLink(file)) {
                throw new Refused("the data directory holds a symbolic link (" + path + "), which the embedded"
                                  + " database never makes; back it up with pg_basebackup");
            }
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                archive.directory(path);
                if (relative.isEmpty() && EMPTIED.contains(name)) {
                    if (name.equals("pg_wal")) {
                        archive.directory("pg_wal/archive_status");
                        archive.directory("pg_wal/summaries");
                    }
                    continue;
                }
                copyDirectory(root, path, archive);
            } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                InputStream content;
                try {
                    content = Files.newInputStream(file);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                try (content) {
                    archive.file(path, content);
                }
            }
        }
    }

    /**
     * The WAL segments from the one holding {@code startLsn} to the one holding {@code stopLsn}, every one of
     * them (the slot kept them), and the timeline history files.
     */
    private static void copyWal(Statement sql, Path wal, String startLsn, String stopLsn,
                                BackupArchive.Writer archive) throws SQLException, IOException {
        String first = text(sql, "select pg_walfile_name('" + startLsn + "'::pg_lsn)");
        String last = text(sql, "select pg_walfile_name('" + stopLsn + "'::pg_lsn)");
        long segmentBytes = single(sql, "select setting::bigint * case unit when 'B' then 1 when 'kB' then 1024"
                                        + " when 'MB' then 1048576 else 1 end from pg_settings"
                                        + " where name = 'wal_segment_size'");
        long perLog = 0x1_0000_0000L / segmentBytes;
        String timeline = first.substring(0, 8);
        for (long segment = number(first, perLog); segment <= number(last, perLog); segment++) {
            String name = timeline + String.format("%08X%08X", segment / perLog, segment % perLog);
            try (InputStream content = Files.newInputStream(wal.resolve(name))) {
                archive.file("pg_wal/" + name, content);
            } catch (NoSuchFileException e) {
                throw new IllegalStateException("the WAL segment " + name + " needed by the backup is gone");
            }
        }
        try (DirectoryStream<Path> histories = Files.newDirectoryStream(wal, "*.history")) {
            for (Path history : histories) {
                try (InputStream content = Files.newInputStream(history)) {
                    archive.file("pg_wal/" + history.getFileName(), content);
                }
            }
        }
    }

    private static long number(String segmentName, long perLog) {
        return Long.parseLong(segmentName.substring(8, 16), 16) * perLog
               + Long.parseLong(segmentName.substring(16, 24), 16);
    }

    /** pg_control as one consistent read: read until two reads in a row agree (it is 8 kB, written in place). */
    private static byte[] stableRead(Path file) throws IOException {
        byte[] previous = Files.readAllBytes(file);
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] now = Files.readAllBytes(file);
            if (Arrays.equals(previous, now)) {
                return now;
            }
            previous = now;
        }
        throw new IOException("pg_control kept changing while it was read");
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    static String homewardVersion() {
        String version = HomewardApplication.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /** A backup or restore that is refused for a reason said in the message: nothing was written. */
    static final class Refused extends RuntimeException {

        Refused(String reason) {
            super(reason);
        }
    }
}
