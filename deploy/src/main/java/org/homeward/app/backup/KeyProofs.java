package org.homeward.app.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.app.database.EmbeddedDatabase;
import org.homeward.app.integrity.CheckpointKey;
import org.homeward.app.privacy.KeyFiles;
import org.homeward.app.privacy.MasterKeyProof;

/**
 * The keys a backup needs, named by proofs that do not reveal them, and the check that a keys directory holds
 * them. No key is ever read into a backup: only these proofs are.
 */
final class KeyProofs {

    static final List<String> PASSWORD_FILES = List.of(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE,
                                                       EmbeddedDatabase.APPLICATION_PASSWORD_FILE);
    private static final byte[] PASSWORD_PROOF =
            "homeward backup password proof v1\0".getBytes(StandardCharsets.US_ASCII);

    private KeyProofs() {
    }

    /** A SHA-256 of each database password file's content (256 random bits each: the hash gives nothing away). */
    static Map<String, String> passwordProofs(Path keys) throws IOException {
        Map<String, String> proofs = new LinkedHashMap<>();
        for (String name : PASSWORD_FILES) {
            proofs.put(name, passwordProof(Files.readString(keys.resolve(name)).strip()));
        }
        return proofs;
    }

    static String passwordProof(String password) {
        var digest = BackupArchive.sha256();
        digest.update(PASSWORD_PROOF);
        digest.update(password.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * What the installation's keys directory lacks for this backup, one sentence each; empty when it holds every
     * key the data needs.
     */
    static List<String> missing(BackupManifest.KeysNeeded needed, Installation installation) {
        List<String> problems = new ArrayList<>();
        for (BackupManifest.MasterKey key : needed.masterKeys()) {
            String proof;
            String where;
            if (!installation.givenMasterKey().isBlank()) {
                where = "the master key given in HOMEWARD_PRIVACY_MASTER_KEY";
                proof = MasterKeyProof.checkValue(Base64.getDecoder().decode(installation.givenMasterKey().strip()));
            } else {
                Path file = MasterKeyProof.file(installation.masterKeyFile(), key.id());
                where = "the master key file " + file;
                if (!Files.exists(file)) {
                    problems.add("The data was sealed with master key " + key.id() + ", and " + where
                                 + " does not exist. Copy it from the keys' own backup (never kept in the backup"
                                 + " file) into the keys directory, owner-only (chmod 600).");
                    continue;
                }
                try {
                    proof = MasterKeyProof.checkValue(KeyFiles.read(file, 32));
                } catch (RuntimeException e) {
                    problems.add("The data was sealed with master key " + key.id() + ", and " + where
                                 + " cannot be used: " + e.getMessage());
                    continue;
                }
            }
            if (!proof.equals(key.checkValue())) {
                problems.add("The data was sealed with master key " + key.id() + " (check value "
                             + key.checkValue().substring(0, 16) + "...), and " + where + " is another key (check"
                             + " value " + proof.substring(0, 16) + "...). Give the key that was current when the"
                             + " backup was taken.");
            }
        }
        if (needed.checkpointPublicKey() != null) {
            Path file = installation.checkpointKeyFile();
            String held = null;
            String problem = null;
            try {
                held = Files.exists(file) ? CheckpointKey.publicKeyOf(file) : null;
                problem = held == null ? "does not exist" : null;
            } catch (RuntimeException e) {
                problem = "cannot be used: " + e.getMessage();
            }
            if (problem == null && !held.equals(needed.checkpointPublicKey())) {
                problem = "holds another key (public key " + held + ")";
            }
            if (problem != null) {
                problems.add("The integrity checkpoints were signed with the Ed25519 key "
                             + needed.checkpointPublicKey() + ", and the checkpoint key file " + file + " " + problem
                             + ". Copy checkpoint.key from the keys' own backup.");
            }
        }
        for (Map.Entry<String, String> password : needed.databasePasswords().entrySet()) {
            Path file = installation.keys().resolve(password.getKey());
            String problem;
            try {
                problem = !Files.exists(file) ? "does not exist"
                        : passwordProof(Files.readString(file).strip()).equals(password.getValue()) ? null
                        : "holds another password";
            } catch (IOException e) {
                problem = "cannot be read (" + e.getMessage() + ")";
            }
            if (problem != null) {
                problems.add("The database's roles have the password of " + password.getKey() + ", and " + file
                             + " " + problem + ". Copy the database password files from the keys' own backup.");
            }
        }
        return problems;
    }
}
