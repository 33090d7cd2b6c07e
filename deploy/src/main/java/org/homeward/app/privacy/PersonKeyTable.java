package org.homeward.app.privacy;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.homeward.app.privacy.MasterKeys.Wrapped;
import org.homeward.privacy.PersonKeyring;
import org.homeward.privacy.Sealed;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The person keyring in the {@code person_key} table, each key sealed under the current master key. Privacy owns
 * that table whole: the rotation re-seals it and the key check reads it; nothing else names it.
 */
@Component
class PersonKeyTable implements PersonKeyring {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom random = new SecureRandom();

    /** Raised by the database when a person key is written under a master key that is no longer current. */
    private static final String STALE_MASTER_KEY = "HW001";

    private final JdbcTemplate jdbc;
    private final MasterKeys masterKeys;
    private final Clock clock;

    PersonKeyTable(JdbcTemplate jdbc, MasterKeyring masterKeys, Clock clock) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    @Override
    public void create(UUID journeyId) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            insert(journeyId, key);
        } catch (DataAccessException e) {
            if (!(e.getMostSpecificCause() instanceof SQLException cause
                  && STALE_MASTER_KEY.equals(cause.getSQLState()))) {
                throw e;
            }
            insert(journeyId, key); // another process rotated between sealing and writing; seals under its key now
        }
    }

    private void insert(UUID journeyId, byte[] key) {
        Wrapped wrapped = masterKeys.wrap(journeyId, key);
        jdbc.update("insert into person_key (journey_id, sealed_key, master_key_id, created_at) values (?, ?, ?, ?)"
                    + " on conflict (journey_id) do nothing",
                    journeyId, wrapped.sealedKey().text(), wrapped.masterKeyId(), Timestamp.from(clock.instant()));
    }

    @Override
    public byte[] key(UUID journeyId) {
        return masterKeys.open(journeyId, () -> jdbc.query(
                "select sealed_key, master_key_id from person_key where journey_id = ? and sealed_key is not null",
                (rs, row) -> new Wrapped(rs.getInt(2), new Sealed(rs.getString(1))), journeyId)
                .stream().findFirst().orElse(null));
    }

    @Override
    public void destroy(UUID journeyId) {
        jdbc.update("update person_key set sealed_key = null, destroyed_at = ? where journey_id = ?",
                    Timestamp.from(clock.instant()), journeyId);
    }
}
