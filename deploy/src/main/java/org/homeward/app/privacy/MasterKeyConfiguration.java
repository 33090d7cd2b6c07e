package org.homeward.app.privacy;

import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master key that seals every person's key. In production give it from outside the database host
 * ({@code HOMEWARD_PRIVACY_MASTER_KEY}, 32 bytes in Base64, e.g. from a secret store); without one, a key file
 * readable only by its owner is created next to the embedded database, which suits a single machine.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    private static final int KEY_BYTES = 32;

    @Bean("masterKey")
    SecretKey masterKey(@Value("${homeward.privacy.master-key:}") String given,
                        @Value("${homeward.privacy.master-key-file:homeward-keys/master.key}") Path file) {
        byte[] key = given.isBlank() ? KeyFiles.readOrCreate(file, KEY_BYTES) : Base64.getDecoder().decode(given);
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The master key must be 32 bytes (256 bits)");
        }
        return new SecretKeySpec(key, "AES");
    }
}
