package org.homeward.app.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.homeward.app.HomewardSettings;
import org.homeward.app.privacy.KeyFiles;
import org.homeward.app.privacy.MasterKeyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs integrity checkpoints. It lives in a file beside the master key (or where
 * {@code homeward.integrity.checkpoint-key-file} says), never in the database: whoever can write the database can
 * change an event and recompute every hash of the chain, but cannot sign the recomputed checkpoints. The public
 * half is in every verification's answer and in the log at start, so auditors check checkpoints copied out of the
 * log with it alone (docs/integrity.md) and cannot sign with it.
 *
 * <p>A signed message is {@code "homeward-checkpoint-v1" | position[8] | hash[32]}. The file holds the private
 * key (PKCS#8) and the public key (X.509), each after its 2-byte length. It is created only while no checkpoint is
 * signed: once one is, a missing or different key means the key was lost or replaced, and the start is refused.
 */
@Component
public class CheckpointKey {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);
    private static final String ALGORITHM = "Ed25519";
    private static final byte[] CONTEXT = "homeward-checkpoint-v1".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    /** Where nothing may be written (the verify command: checkpoint-key-may-create false), a missing key is refused. */
    CheckpointKey(HomewardSettings settings, JdbcTemplate jdbc) {
        Path file = MasterKeyConfiguration.besideTheMasterKey(settings, settings.integrity().checkpointKeyFile(),
                                                              "checkpoint.key");
        boolean mayCreate = settings.integrity().checkpointKeyMayCreate();
        List<Signed> newest = jdbc.query("""
                select global_index, hash, signature from integrity_checkpoint
                where signature is not null order by global_index desc limit 1""",
                (row, n) -> new Signed(row.getLong(1), row.getBytes(2), row.getBytes(3)));
        if ((!newest.isEmpty() || !mayCreate) && !Files.exists(file)) {
            throw new IllegalStateException("The checkpoint key file " + file + " is missing"
                                            + (newest.isEmpty() ? "" : " although integrity checkpoints are signed"
                                                                       + " with it: restore it from its backup"));
        }
        byte[] stored = KeyFiles.readOrCreate(file, 4, CheckpointKey::newKeyPair);
        try {
            ByteBuffer parts = ByteBuffer.wrap(stored);
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(part(parts)));
            publicKey = keys.generatePublic(new X509EncodedKeySpec(part(parts)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The checkpoint key file " + file + " does not hold an Ed25519 key", e);
        }
        if (!newest.isEmpty() && !verifies(newest.get(0).position(), newest.get(0).hash(), newest.get(0).signature())) {
            throw new IllegalStateException("The checkpoint key in " + file + " did not sign the newest integrity"
                                            + " checkpoint (position " + newest.get(0).position() + "): the key was"
                                            + " replaced, or the checkpoint was. Restore the key file from its backup"
                                            + " and run a verification");
        }
        log.info("Integrity checkpoints are signed with the Ed25519 key {}", publicKey());
    }

    /**
     * The public key kept in a checkpoint key file, as {@link #publicKey()} says it, read without the private key
     * being used: what a backup names the key by (docs/backup.md).
     */
    public static String publicKeyOf(Path file) {
        ByteBuffer parts = ByteBuffer.wrap(KeyFiles.read(file, 4));
        part(parts);                                        // the private key, passed over
        return Base64.getEncoder().encodeToString(part(parts));
    }

    /** The public key, X.509 in Base64: {@code openssl} reads it after a PEM header (docs/integrity.md). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    byte[] sign(long position, byte[] hash) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message(position, hash));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    boolean verifies(long position, byte[] hash, byte[] signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(message(position, hash));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] message(long position, byte[] hash) {
        return ByteBuffer.allocate(CONTEXT.length + Long.BYTES + hash.length)
                         .put(CONTEXT).putLong(position).put(hash).array();
    }

    private static byte[] newKeyPair() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            byte[] privatePart = pair.getPrivate().getEncoded();
            byte[] publicPart = pair.getPublic().getEncoded();
            return ByteBuffer.allocate(4 + privatePart.length + publicPart.length)
                             .putShort((short) privatePart.length).put(privatePart)
                             .putShort((short) publicPart.length).put(publicPart).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on provides Ed25519", e);
        }
    }

    private static byte[] part(ByteBuffer parts) {
        byte[] part = new byte[parts.getShort()];
        parts.get(part);
        return part;
    }

    private record Signed(long position, byte[] hash, byte[] signature) {
    }
}
