package org.homeward.app.web.signin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.homeward.app.HomewardSettings;
import org.homeward.app.privacy.KeyFiles;
import org.homeward.app.privacy.MasterKeyConfiguration;
import org.springframework.stereotype.Component;

/**
 * The optional second factor of a local account: time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps,
 * 6 digits), as every authenticator app makes them. A code is accepted one step early or late (clocks drift) and
 * never twice. The secret is kept sealed (AES-256-GCM) under {@code second-factor.key} beside the master key, so a
 * copy of the database alone makes no codes.
 */
@Component
public class SecondFactor {

    static final int STEP_SECONDS = 30;
    private static final int SECRET_BYTES = 20;
    private static final int NONCE_BYTES = 12;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final HomewardSettings settings;
    private volatile SecretKey sealingKey;

    SecondFactor(HomewardSettings settings) {
        this.settings = settings;
    }

    /** A new secret, in the Base32 an authenticator app takes. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return base32(secret);
    }

    /** The address an authenticator app reads the secret from (typed in, or pasted). */
    public static String appAddress(String secret, String userId) {
        return "otpauth://totp/Homeward:" + userId + "?secret=" + secret + "&issuer=Homeward&digits=6&period=30";
    }

    /**
     * The time step the code belongs to when it is right for this secret now (within one step), else -1.
     */
    public static long step(String secret, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return -1;
        }
        long current = now.getEpochSecond() / STEP_SECONDS;
        for (long step = current - 1; step <= current + 1; step++) {
            if (code(secret, step).equals(code.strip())) {
                return step;
            }
        }
        return -1;
    }

    /** The code an authenticator app shows at that instant. */
    public static String code(String secret, Instant at) {
        return code(secret, at.getEpochSecond() / STEP_SECONDS);
    }

    /** The code for a time step: RFC 6238 over RFC 4226. */
    static String code(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(unbase32(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                         | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA1", e);
        }
    }

    byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM with a 256-bit key", e);
        }
    }

    String open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                              StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a second factor that second-factor.key does not open", e);
        }
    }

    private SecretKey key() {
        if (sealingKey == null) {
            sealingKey = new SecretKeySpec(KeyFiles.readOrCreate(
                    MasterKeyConfiguration.besideTheMasterKey(settings, "", "second-factor.key"), 32), "AES");
        }
        return sealingKey;
    }

    private static String base32(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32.charAt(buffer >> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(BASE32.charAt(buffer << 5 - bits & 31));
        }
        return text.toString();
    }

    private static byte[] unbase32(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int at = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32");
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out[at++] = (byte) (buffer >> bits - 8);
                bits -= 8;
            }
        }
        return out;
    }
}
