package org.homeward.command.privacy;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.command.journey.PersonalDataErasedException;
import org.homeward.journey.PersonalDataErased;
import org.homeward.privacy.Sealed;
import org.springframework.beans.factory.annotation.Qualifier;
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

    private final JdbcTemplate jdbc;
    private final byte[] masterKey;
    private final Clock clock;

    PersonKeys(JdbcTemplate jdbc, @Qualifier("masterKey") SecretKey masterKey, Clock clock) {
        this.jdbc = jdbc;
        this.masterKey = masterKey.getEncoded();
        this.clock = clock;
    }

    /**
     * Creates the person's key, committed before anything is sealed with it, so no event can ever hold data
     * whose key was lost. A retried request finds the key it made the first time.
     */
    public void create(UUID journeyId) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        jdbc.update("insert into person_key (journey_id, sealed_key, created_at) values (?, ?, ?)"
                    + " on conflict (journey_id) do nothing",
                    journeyId, Sealed.seal(masterKey, journeyId, key).text(), Timestamp.from(clock.instant()));
    }

    /** @return null for null; the text sealed under the person's key otherwise */
    public String seal(UUID journeyId, String text) {
        return text == null ? null : Sealed.seal(key(journeyId), journeyId, text);
    }

    private byte[] key(UUID journeyId) {
        List<String> sealedKey = jdbc.query("select sealed_key from person_key where journey_id = ?",
                                            (rs, row) -> rs.getString(1), journeyId);
        if (sealedKey.isEmpty() || sealedKey.get(0) == null) {
            throw new PersonalDataErasedException(journeyId);
        }
        return new Sealed(sealedKey.get(0)).open(masterKey, journeyId);
    }

    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update person_key set sealed_key = null, destroyed_at = ? where journey_id = ?",
                    Timestamp.from(clock.instant()), event.journeyId());
    }
}
