package org.homeward.app.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.homeward.app.database.EmbeddedDatabase;
import org.homeward.app.database.EmbeddedServer;

/**
 * {@code java -jar homeward.jar restore --from FILE}: the embedded database of a backup, into the configured data
 * directory, which must not exist or be empty; exit status 0 when restored, 1 when refused or failed (nothing
 * written then), 2 on a usage error.
 *
 * <p>In this order, and nothing is written before the third step: the whole file is checked against its
 * manifest; the keys directory is checked to hold every key the data needs (the master key it was sealed with,
 * the checkpoint key, the database passwords); then the data is written to a new directory beside the target,
 * PostgreSQL is started on it once to replay the backup's WAL (and the master key checked again against the
 * restored database itself), stopped cleanly, and the directory renamed to the target. A failure at any step
 * leaves the target as it was. The next start of Homeward on it is an ordinary start.
 */
public final class RestoreCommand {

    private RestoreCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("restore");
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse("restore", "from", args);
        } catch (IllegalArgumentException e) {
            err.println("restore: " + e.getMessage());
            return 2;
        }
        try {
            Installation installation = Installation.of(arguments.springArgs());
            BackupManifest manifest = restore(installation, arguments.file());
            out.println("restore: restored the backup taken at " + manifest.takenAt() + " (Homeward "
                        + manifest.homewardVersion() + ", schema " + manifest.schemaVersion() + ") into "
                        + installation.data() + "; start Homeward as usual. Run `verify` (or POST"
                        + " /api/v1/audit/verify) against your external copy of the chain head.");
            return 0;
        } catch (BackupArchive.BadBackup e) {
            err.println("restore: refused, nothing written: " + arguments.file() + " is not a sound backup: "
                        + e.getMessage());
            return 1;
        } catch (BackupCommand.Refused e) {
            err.println("restore: refused, nothing written: " + e.getMessage());
            return 1;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("restore: failed, the data directory was left as it was: " + e);
            return 1;
        }
    }

    static BackupManifest restore(Installation installation, Path file) throws IOException, SQLException {
        if (!installation.datasourceUrl().isBlank()) {
            throw new BackupCommand.Refused("a database server is configured (spring.datasource.url); restore it"
                                            + " with PostgreSQL's own tools (docs/backup.md). This command"
                                            + " restores the embedded database.");
        }
        Path target = installation.data();
        if (EmbeddedDatabase.inUse(target)) {
            throw new BackupCommand.Refused("Homeward (or a PostgreSQL it started) is running on " + target
                                            + ". Stop it first; a restore never writes into a database in use.");
        }
        if (Files.exists(target) && (!Files.isDirectory(target) || !empty(target))) {
            throw new BackupCommand.Refused(target + " is not empty. A restore only writes into a new or empty"
                                            + " directory and never deletes data: move the old directory aside"
                                            + " (mv " + target.getFileName() + " " + target.getFileName()
                                            + ".old), or give another with"
                                            + " --homeward.embedded-database.directory=...");
        }
        if (!Files.isRegularFile(file)) {
            throw new BackupCommand.Refused(file + " is not a file");
        }
        BackupManifest manifest = BackupArchive.verify(file);
        List<String> missing = KeyProofs.missing(manifest.keys(), installation);
        if (!missing.isEmpty()) {
            throw new BackupCommand.Refused("the keys directory does not hold the keys this backup's data needs"
                                            + " (a backup never holds keys):\n  " + String.join("\n  ", missing));
        }
        Files.createDirectories(target.getParent());
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        Path restoring = target.resolveSibling("." + target.getFileName() + ".restoring-"
                                               + HexFormat.of().formatHex(random));
        Files.createDirectory(restoring, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        try {
            BackupArchive.extract(file, restoring);
            recover(installation, manifest, restoring);
            if (Files.exists(target)) {
                Files.delete(target); // empty, checked above; a file put there meanwhile makes this fail
            }
            Files.move(restoring, target, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel parent = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                parent.force(true);
            }
            return manifest;
        } finally {
            if (Files.exists(restoring)) {
                deleteTree(restoring);
            }
        }
    }

    /**
     * Starts PostgreSQL once on the restored files: it replays the backup's WAL to the backup's stop position
     * (and refuses if any is missing). Then the restored database itself says which master key is current, and
     * that key is checked once more; a checkpoint, and a clean stop, so the next start has nothing to replay.
     */
    private static void recover(Installation installation, BackupManifest manifest, Path restoring)
            throws IOException, SQLException {
        EmbeddedServer server;
        try {
            server = EmbeddedDatabase.start(restoring, installation.keys());
        } catch (RuntimeException e) {
            throw new IllegalStateException("PostgreSQL could not recover the restored files (its log above says"
                                            + " why): " + e.getMessage(), e);
        }
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                Files.readAllLines(restoring.resolve("postmaster.pid")).get(0).strip())).orElseThrow();
        try {
            Properties login = new Properties();
            login.setProperty("user", EmbeddedDatabase.SUPERUSER);
            login.setProperty("password", server.superuserPassword());
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), login);
                 Statement sql = connection.createStatement()) {
                checkCurrentMasterKey(sql, installation);
                try (ResultSet row = sql.executeQuery(
                        "select coalesce(max(global_index), 0) from domain_event_entry")) {
                    row.next();
                    if (row.getLong(1) < manifest.eventsAtStart()) {
                        throw new IllegalStateException("the restored database ends at event " + row.getLong(1)
                                                        + ", before the " + manifest.eventsAtStart()
                                                        + " committed when the backup began");
                    }
                }
                sql.execute("checkpoint");
            }
        } finally {
            server.close();
            try {
                postmaster.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the PostgreSQL started on the restored files did not stop", e);
            }
        }
        Files.deleteIfExists(restoring.resolve("epg-lock"));
    }

    /** The restored database's own word on its current master key, checked as the manifest's keys were. */
    private static void checkCurrentMasterKey(Statement sql, Installation installation) throws SQLException {
        try (ResultSet row = sql.executeQuery(
                "select key_id, check_value from master_key order by key_id desc limit 1")) {
            if (!row.next()) {
                return;
            }
            List<String> missing = KeyProofs.missing(new BackupManifest.KeysNeeded(
                    List.of(new BackupManifest.MasterKey(row.getInt(1), row.getString(2))), null, Map.of()),
                                                      installation);
            if (!missing.isEmpty()) {
                throw new BackupCommand.Refused(String.join(" ", missing));
            }
        }
    }

    private static boolean empty(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
