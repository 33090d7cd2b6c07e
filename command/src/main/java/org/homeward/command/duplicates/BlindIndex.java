package org.homeward.command.duplicates;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The keyed blind index of a person: HMAC-SHA256, under a key kept outside the database, of their normalised full
 * name and date of birth. Two intakes of the same person give the same value; whoever reads the database without
 * the key cannot recompute it from a name and birthday they know, nor tell anything from it but "equal".
 */
@Component
public class BlindIndex {

    /** Versioned, so that a change of the normalisation is a new index, not a silent mismatch. */
    private static final String VERSION = "v1";
    /** What the key is checked by; it has no line break, so no person's value can equal it. */
    private static final String CHECK_LABEL = "homeward duplicate index key check";

    private final SecretKey key;

    BlindIndex(@Qualifier("duplicateIndexKey") SecretKey key) {
        this.key = key;
    }

    /** @return empty when the name (once normalised) or the date of birth is missing: nothing to match on */
    public Optional<byte[]> of(String fullName, String dateOfBirth) {
        String name = fullName == null ? "" : normalisedName(fullName);
        if (name.isEmpty() || dateOfBirth == null || dateOfBirth.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(mac(VERSION + "\n" + name + "\n" + dateOfBirth.strip()));
    }

    /** Tells whether the index was made under this key, without revealing the key. */
    byte[] keyCheck() {
        return mac(CHECK_LABEL);
    }

    /**
     * Accents and compatibility forms taken apart (NFKD) and the accents dropped, lower case, apostrophes removed
     * (O'Brien, OBrien), other punctuation a space (Anne-Marie, Anne Marie), and the parts sorted, so that the order
     * of given and family names does not matter.
     */
    static String normalisedName(String fullName) {
        String plain = Normalizer.normalize(fullName, Normalizer.Form.NFKD)
                                 .replaceAll("\\p{M}+", "")
                                 .toLowerCase(Locale.ROOT)
                                 .replaceAll("['’ʼ`´]", "")
                                 .replaceAll("[^\\p{L}\\p{N}]+", " ")
                                 .strip();
        if (plain.isEmpty()) {
            return "";
        }
        String[] parts = plain.split(" ");
        Arrays.sort(parts);
        return String.join(" ", parts);
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
