package org.homeward.app.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.homeward.privacy.Sealed;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells at start whether the configured key is the one the stored data was sealed with. The table keeps an HMAC
 * of a fixed text under the key: it proves the key without revealing it. The first start records it; an
 * installation from before the check proves its key by opening one sealed person key first.
 */
final class KeyCheck {

    private static final byte[] CHECKED_TEXT = "homeward key check v1".getBytes(StandardCharsets.US_ASCII);

    private record SealedKey(UUID journeyId, String sealedKey) {
    }

    private final JdbcTemplate jdbc;
    private final String keyName;

    KeyCheck(JdbcTemplate jdbc, String keyName) {
        this.jdbc = jdbc;
        this.keyName = keyName;
    }

    /** Whether a key of this name was used before: a check value is stored, or sealed person keys exist. */
    boolean inUse() {
        return stored() != null || anySealedPersonKey() != null;
    }

    /** Records the key's check value at first use; afterwards refuses any other key. */
    void verify(byte[] key) {
        String expected = checkValue(key);
        if (stored() == null) {
            SealedKey sealed = anySealedPersonKey();
            if (sealed != null && !opens(key, sealed)) {
                throw wrongKey();
            }
            // of two processes starting at once, the first insert wins and the other compares against it
            jdbc.update("insert into key_check (key_name, check_value, created_at) values (?, ?, now())"
                        + " on conflict (key_name) do nothing", keyName, expected);
        }
        if (!MessageDigest.isEqual(stored().getBytes(StandardCharsets.US_ASCII),
                                   expected.getBytes(StandardCharsets.US_ASCII))) {
            throw wrongKey();
        }
    }

    private IllegalStateException wrongKey() {
        return new IllegalStateException("The " + keyName + " key given is not the one the stored data was sealed"
                                         + " with. Give the original key; Homeward will not seal new data under"
                                         + " another one.");
    }

    private String stored() {
        List<String> values = jdbc.queryForList("select check_value from key_check where key_name = ?",
                                                String.class, keyName);
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

    private static String checkValue(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(CHECKED_TEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
