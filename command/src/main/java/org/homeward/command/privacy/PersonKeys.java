package org.homeward.command.privacy;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.command.journey.PersonalDataErasedException;
import org.homeward.event.Ignores;
import org.homeward.journey.JourneyEvent;
import org.homeward.journey.PersonalDataErased;
import org.homeward.privacy.PersonKeyring;
import org.homeward.privacy.Sealed;
import org.homeward.program.ProgramEvent;
import org.springframework.stereotype.Component;

/**
 * Personal data sealed before it enters any command, so events only ever hold ciphertext, under the person's key
 * from the keyring. Erasure destroys the key in the same transaction as its event (a subscribing processing
 * group): every event stays, and verifies, but nothing in them about the person can be read again.
 */
@Ignores(value = {JourneyEvent.class, ProgramEvent.class},
         why = "a person's key is made when first needed; only erasure ends it")
@Component
@ProcessingGroup("person-keys")
public class PersonKeys {

    private final PersonKeyring keyring;

    PersonKeys(PersonKeyring keyring) {
        this.keyring = keyring;
    }

    /** Creates the person's key, committed before anything is sealed with it. */
    public void create(UUID journeyId) {
        keyring.create(journeyId);
    }

    /** @return null for null; the text sealed under the person's key otherwise */
    public String seal(UUID journeyId, String text) {
        if (text == null) {
            return null;
        }
        byte[] key = keyring.key(journeyId);
        if (key == null) {
            throw new PersonalDataErasedException(journeyId);
        }
        return Sealed.seal(key, journeyId, text);
    }

    @EventHandler
    void on(PersonalDataErased event) {
        keyring.destroy(event.journeyId());
    }
}
