package org.homeward.app.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import org.homeward.privacy.Sealed;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells whether a master key is the one the stored data was sealed with, and which master key is current. The
 * table {@code master_key} keeps an HMAC of a fixed text under each key: it proves a key without revealing it.
 * The first start records it; an installation from before the check proves its key by opening one sealed person
 * key first.
 */
final class KeyCheck {

    private record SealedKey(UUID journeyId, String sealedKey) {
    }

    private final JdbcTemplate jdbc;

    KeyCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Taken by every start and rotation, in its transaction, before it looks at key files: it waits for a
     * rotation under way, and keeps new person keys from being written under the old key while one runs.
     */
    void lock() {
        jdbc.execute("lock table person_key in share row exclusive mode");
    }

    /**
     * The current master key's id: the highest recorded; 1 for an installation from before the check that has
     * sealed person keys; null while nothing was ever sealed.
     */
    Integer current() {
        Integer recorded = jdbc.queryForObject("select max(key_id) from master_key", Integer.class);
        return recorded != null ? recorded : anySealedPersonKey() != null ? 1 : null;
    }

    boolean recorded(int keyId) {
        return checkValue(keyId) != null;
    }

    /** Records the key's check value at first use; afterwards refuses any other key under this id. */
    void verify(int keyId, byte[] key) {
        if (checkValue(keyId) == null) {
            SealedKey sealed = anySealedPersonKey();
            if (sealed != null && !opens(key, sealed)) {
                throw wrongKey();
            }
            record(keyId, key);
        }
        refuseIfOther(keyId, key);
    }

    /** Throws unless {@code key} is the one recorded under this id; a key with nothing recorded passes. */
    void refuseIfOther(int keyId, byte[] key) {
        String stored = checkValue(keyId);
        if (stored != null && !MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                                                     MasterKeyProof.checkValue(key).getBytes(StandardCharsets.US_ASCII))) {
            throw wrongKey();
        }
    }

    /** Makes {@code keyId} the current key once the transaction commits. */
    void record(int keyId, byte[] key) {
        jdbc.update("insert into master_key (key_id, check_value, created_at) values (?, ?, now())", keyId,
                    MasterKeyProof.checkValue(key));
    }

    private IllegalStateException wrongKey() {
        return new IllegalStateException("The master key given is not the one the stored data was sealed with."
                                         + " Give the original key; Homeward will not seal new data under another"
                                         + " one.");
    }

    private String checkValue(int keyId) {
        List<String> values = jdbc.queryForList("select check_value from master_key where key_id = ?",
                                                String.class, keyId);
        return values.isEmpty() ? null : values.get(0);
    }

    private SealedKey anySealedPersonKey() {
        List<SealedKey> keys = jdbc.query(
                "select journey_id, sealed_key from person_key where sealed_key is not null limit 1",
                (rs, row) -> new SealedKey(rs.getObject(1, UUID.class), rs.getString(2)));
        return keys.isEmpty() ? null : keys.get(0);
    }

    private static boolean opens(byte[] key, SealedKey sealed) {
        try {
            new Sealed(sealed.sealedKey()).open(key, sealed.journeyId());
            return true;
        } catch (IllegalArgumentException notThisKey) {
            return false;
        }
    }
}
