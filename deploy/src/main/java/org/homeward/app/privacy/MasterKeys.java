package org.homeward.app.privacy;

import java.util.UUID;
import java.util.function.Supplier;
import org.homeward.privacy.Sealed;

/**
 * The master keys that seal every person's key, as the person keyring uses them: it never sees a master key, only
 * seals and opens person keys with it. A master key is known by its id, which is stored beside each sealed person
 * key, so a rotation to a new key leaves every person key readable while it is re-sealed.
 */
interface MasterKeys {

    /** A person's key sealed under the master key {@code masterKeyId}. */
    record Wrapped(int masterKeyId, Sealed sealedKey) {
    }

    /** Seals a person's key under the current master key. */
    Wrapped wrap(UUID journeyId, byte[] personKey);

    /**
     * Opens the person's key that {@code read} finds; null when it finds none (erased). Sealed under a master key
     * this process does not hold, as after another process rotated, the keys are loaded again and the person key
     * read again, since a rotation may have re-sealed it meanwhile.
     */
    byte[] open(UUID journeyId, Supplier<Wrapped> read);
}
