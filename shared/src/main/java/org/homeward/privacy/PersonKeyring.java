package org.homeward.privacy;

import java.util.UUID;

/**
 * Each person's data key, kept apart from the events, as the command and query sides use it: the command side
 * creates a key at intake and destroys it at erasure (crypto-shredding: every event stays, and verifies, but what
 * they hold about the person can never be read again); both sides seal and open personal data with it. The
 * application provides the one implementation, which alone knows where and how the keys are kept.
 */
public interface PersonKeyring {

    /**
     * Creates the person's key unless it exists, committed before anything is sealed with it, so no event can
     * ever hold data whose key was lost. A retried request finds the key it made the first time.
     */
    void create(UUID journeyId);

    /** The person's key; null once their data is erased, or for a journey that never had one. */
    byte[] key(UUID journeyId);

    /** Destroys the person's key in the caller's transaction: the erasure's own. */
    void destroy(UUID journeyId);
}
