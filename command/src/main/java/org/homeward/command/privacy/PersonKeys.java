package org.homeward.command.privacy;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.command.journey.PersonalDataErasedException;
import org.homeward.journey.PersonalDataErased;
import org.homeward.privacy.MasterKeys;
import org.homeward.privacy.MasterKeys.Wrapped;
import org.homeward.privacy.Sealed;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each person's data key, kept apart from the events and sealed under the master key. Personal data is sealed
 * here before it enters any command, so events only ever hold ciphertext. Erasure destroys the key in the same
 * transaction as its event (crypto-shredding): every event stays, and verifies, but nothing in them about the
 * person can be read again.
 */
@Component
@ProcessingGroup("person-keys")
public class PersonKeys {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom random = new SecureRandom();

    /** Raised by the database when a person key is written under a master key that is no longer current. */
    private static final String STALE_MASTER_KEY = "HW001";

    private final JdbcTemplate jdbc;
    private final MasterKeys masterKeys;
    private final Clock clock;

    PersonKeys(JdbcTemplate jdbc, MasterKeys masterKeys, Clock clock) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /**
     * Creates the person's key, committed before anything is sealed with it, so no event can ever hold data
     * whose key was lost. A retried request finds the key it made the first time.
     */
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

    /** @return null for null; the text sealed under the person's key otherwise */
    public String seal(UUID journeyId, String text) {
        return text == null ? null : Sealed.seal(key(journeyId), journeyId, text);
    }

    private byte[] key(UUID journeyId) {
        byte[] key = masterKeys.open(journeyId, () -> jdbc.query(
                "select sealed_key, master_key_id from person_key where journey_id = ? and sealed_key is not null",
                (rs, row) -> new Wrapped(rs.getInt(2), new Sealed(rs.getString(1))), journeyId)
                .stream().findFirst().orElse(null));
        if (key == null) {
            throw new PersonalDataErasedException(journeyId);
        }
        return key;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update person_key set sealed_key = null, destroyed_at = ? where journey_id = ?",
                    Timestamp.from(clock.instant()), event.journeyId());
    }
}
