package org.homeward.privacy;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data as it travels in events and rests in projections: AES-256-GCM under the person's own key, bound
 * to their journey id (a ciphertext moved to another journey does not open). Written as {@code enc:v1:} and
 * Base64 of the nonce and ciphertext, so it fits every text field. The person's key is itself sealed the same way
 * under the master key. Both sides speak this format, which is why it lives in the contract.
 */
public record Sealed(String text) {

    public static final String PREFIX = "enc:v1:";
    /** What a reader sees of a sealed value that does not open under the person's key. */
    public static final String UNREADABLE = "[unreadable]";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom random = new SecureRandom();

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static Sealed seal(byte[] key, UUID journeyId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] cipherText = run(Cipher.ENCRYPT_MODE, key, nonce, journeyId, plain);
        return new Sealed(PREFIX + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + cipherText.length).put(nonce).put(cipherText).array()));
    }

    public static String seal(byte[] key, UUID journeyId, String plain) {
        return plain == null ? null : seal(key, journeyId, plain.getBytes(StandardCharsets.UTF_8)).text();
    }

    /** @throws IllegalArgumentException when the text was not sealed with this key for this journey */
    public byte[] open(byte[] key, UUID journeyId) {
        if (!isSealed(text)) {
            throw new IllegalArgumentException("Not sealed personal data");
        }
        byte[] sealed = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        ByteBuffer buffer = ByteBuffer.wrap(sealed);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] cipherText = new byte[buffer.remaining()];
        buffer.get(cipherText);
        return run(Cipher.DECRYPT_MODE, key, nonce, journeyId, cipherText);
    }

    public String openText(byte[] key, UUID journeyId) {
        return new String(open(key, journeyId), StandardCharsets.UTF_8);
    }

    /**
     * The text, or {@link #UNREADABLE} when it does not open (damaged, or sealed for another journey): one damaged
     * value must not cost the reader the rest of the answer.
     */
    public String openTextOrUnreadable(byte[] key, UUID journeyId) {
        try {
            return openText(key, journeyId);
        } catch (IllegalArgumentException | BufferUnderflowException damaged) {
            return UNREADABLE;
        }
    }

    @Override
    public String toString() {
        return "Sealed[...]";
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, UUID journeyId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(journeyId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // never the plaintext or the key in the message
            throw new IllegalArgumentException("Sealed personal data could not be processed", e);
        }
    }
}
