package org.homeward.app.privacy;

import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.homeward.app.HomewardSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The master key that seals every person's key. In production give it from outside the database host
 * ({@code HOMEWARD_PRIVACY_MASTER_KEY}, 32 bytes in Base64, or a key file mounted from a secret store); without
 * one, a key file readable only by its owner is created on first use, which suits a single machine.
 *
 * <p>A key file is created only while nothing is sealed yet: once person keys exist, a missing file means the
 * key was lost or not mounted, and a new key would open none of them while sealing new data the old key cannot
 * open. Such a start, or one with a different key, is refused (see {@link KeyCheck}).
 *
 * <p>A key file is rotated after every erasure ({@link MasterKeyRotation}, docs/erasure.md); a key given from
 * outside cannot be.
 */
@Configuration(proxyBeanMethods = false)
public class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    /**
     * The master keys both the command and the query side seal and open person keys with.
     *
     * @param jdbc migrated before it is handed out, so the check sees the tables
     */
    @Bean
    MasterKeyring masterKeys(HomewardSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        String given = settings.privacy().masterKey();
        Path file = settings.privacy().masterKeyFile();
        KeyCheck check = new KeyCheck(jdbc);
        if (!given.isBlank()) {
            byte[] key = Base64.getDecoder().decode(given.strip());
            if (key.length != MasterKeyring.KEY_BYTES) {
                throw new IllegalStateException("The master key must be 32 bytes (256 bits)");
            }
            log.warn("The master key is given from outside, so Homeward cannot rotate it: an erasure is complete"
                     + " only once the key is replaced in the secret store (docs/erasure.md).");
            return MasterKeyring.given(key, check);
        }
        // under the rotation's lock: a rotation under way in another process finishes before the files are read
        MasterKeyring keyring = new TransactionTemplate(transactions).execute(status -> {
            check.lock();
            return MasterKeyring.inDirectory(file, check);
        });
        keyring.destroySuperseded(); // a rotation that committed, then stopped before it destroyed the old file
        return keyring;
    }

    /**
     * The key of idempotency fingerprints (HMAC-SHA256), in a file beside the master key unless
     * {@code homeward.idempotency.fingerprint-key-file} names one. Every command process needs the same one; if it
     * is lost, a retry of a request of the last keep-for answers 422 instead of its first answer, nothing worse, so
     * it is created when missing. Lazy: only the command side uses it.
     */
    @Bean("fingerprintKey")
    @Lazy
    SecretKey fingerprintKey(HomewardSettings settings) {
        Path file = besideTheMasterKey(settings, settings.idempotency().fingerprintKeyFile(), "fingerprint.key");
        return new SecretKeySpec(KeyFiles.readOrCreate(file, MasterKeyring.KEY_BYTES), "HmacSHA256");
    }

    /**
     * The key of the possible duplicates' blind index (HMAC-SHA256), in a file beside the master key unless
     * {@code homeward.duplicates.index-key-file} names one. Not derived from the master key, which rotates after
     * every erasure. Every command process needs the same one; if it is lost, a new one is made and the index made
     * again from the events at the next start (while the persons' keys exist). Lazy: only the command side uses it.
     */
    @Bean("duplicateIndexKey")
    @Lazy
    SecretKey duplicateIndexKey(HomewardSettings settings) {
        Path file = besideTheMasterKey(settings, settings.duplicates().indexKeyFile(), "duplicate-index.key");
        return new SecretKeySpec(KeyFiles.readOrCreate(file, MasterKeyring.KEY_BYTES), "HmacSHA256");
    }

    /** The key file {@code given}, or when that is empty the file {@code name} in the master key's directory. */
    public static Path besideTheMasterKey(HomewardSettings settings, String given, String name) {
        return given.isBlank() ? settings.privacy().masterKeyFile().toAbsolutePath().resolveSibling(name)
                               : Path.of(given);
    }
}
