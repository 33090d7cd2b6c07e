package org.homeward.app.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What proves a master key without revealing it, and where each master key's file is: for the keyring, and for
 * backups, which name the key their data needs (its id and this proof) and never hold the key.
 */
public final class MasterKeyProof {

    private static final byte[] CHECKED_TEXT = "homeward key check v1".getBytes(StandardCharsets.US_ASCII);

    private MasterKeyProof() {
    }

    /** An HMAC-SHA256 of a fixed text under the key, in hex: the check value the table master_key keeps. */
    public static String checkValue(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(CHECKED_TEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * The file of key {@code id}: the configured file ({@code first}) for key 1, {@code <name>-<id>.key} beside it
     * after.
     */
    public static Path file(Path first, int id) {
        Path absolute = first.toAbsolutePath();
        if (id == 1) {
            return absolute;
        }
        String name = absolute.getFileName().toString();
        String base = name.endsWith(".key") ? name.substring(0, name.length() - ".key".length()) : name;
        return absolute.resolveSibling(base + "-" + id + ".key");
    }
}
