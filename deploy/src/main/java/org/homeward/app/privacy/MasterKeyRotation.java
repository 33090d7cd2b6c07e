package org.homeward.app.privacy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.homeward.app.HomewardSettings;
import org.homeward.app.privacy.MasterKeys.Wrapped;
import org.homeward.privacy.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces the master key, so that an erased person's old sealed key, which stays in the table's dead tuples, in
 * the WAL and in backups, opens with no key that still exists. A new key file is made, every living person key
 * is re-sealed under it and the new key recorded as current in one transaction; only after that commits are the
 * old key files destroyed. A crash before the commit leaves an unused new file, after it a superseded old one:
 * the next start (or rotation) tells them apart by the database and destroys the one not current.
 *
 * <p>Checked every {@code homeward.privacy.rotation-check} (1 minute): due when a person key was erased while
 * sealed under the current master key, or the current key is older than {@code homeward.privacy.rotate-every}.
 * Every process checks; the lock makes one rotate and the others find it no longer due.
 */
@Component
class MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

    private final MasterKeyring keyring;
    private final KeyCheck check;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration rotateEvery;

    MasterKeyRotation(MasterKeyring keyring, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                      HomewardSettings settings) {
        this.keyring = keyring;
        this.check = new KeyCheck(jdbc);
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.rotateEvery = settings.privacy().rotateEvery();
    }

    @Scheduled(fixedDelayString = "${homeward.privacy.rotation-check}")
    void rotateWhenDue() {
        if (keyring.rotatable()) {
            rotate(false);
        }
    }

    /** @return whether it rotated: always when {@code evenIfNotDue}, otherwise only when due */
    boolean rotate(boolean evenIfNotDue) {
        Integer rotatedTo = transactions.execute(status -> {
            check.lock();
            int current = check.current();
            if (!evenIfNotDue && !due(current)) {
                return null;
            }
            int next = current + 1;
            Path file = keyring.file(next);
            KeyFiles.destroy(file); // left by a rotation that crashed before it committed: it sealed nothing
            byte[] key = KeyFiles.readOrCreate(file, MasterKeyring.KEY_BYTES);
            check.record(next, key);
            List<Object[]> resealed = jdbc.query(
                    "select journey_id, sealed_key, master_key_id from person_key where sealed_key is not null",
                    (rs, row) -> {
                        UUID journeyId = rs.getObject(1, UUID.class);
                        Wrapped old = new Wrapped(rs.getInt(3), new Sealed(rs.getString(2)));
                        byte[] personKey = keyring.open(journeyId, () -> old);
                        return new Object[] {Sealed.seal(key, journeyId, personKey).text(), next, journeyId};
                    });
            jdbc.batchUpdate("update person_key set sealed_key = ?, master_key_id = ? where journey_id = ?",
                             resealed);
            return next;
        });
        if (rotatedTo == null) {
            return false;
        }
        keyring.reload();
        keyring.destroySuperseded();
        log.info("Master key rotated: key {} is current, the key files before it are destroyed", rotatedTo);
        return true;
    }

    /**
     * An erased key sealed under the current master key still opens from a dead tuple with it; one erased under
     * an older key, which the rotation skipped, is already beyond reach.
     */
    private boolean due(int current) {
        return jdbc.queryForObject(
                "select exists (select 1 from person_key where sealed_key is null and master_key_id = ?)"
                + " or (select created_at from master_key where key_id = ?) <= now() - make_interval(secs => ?)",
                Boolean.class, current, current, (double) rotateEvery.toSeconds());
    }
}
