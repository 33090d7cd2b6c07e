package org.homeward.app.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one chain entry. Every field is written in a fixed order with an unambiguous encoding, so no two
 * different rows (or a row and an absent index) can produce the same input:
 *
 * <pre>
 * event:  SHA-256( previous[32] | 'E' | global_index[8] | event_identifier | aggregate_identifier
 *                  | sequence_number[8] | type | time_stamp | payload_type | payload_revision | payload | meta_data )
 * absent: SHA-256( previous[32] | 'A' | global_index[8] )
 * </pre>
 *
 * Numbers are 8-byte big-endian; every text or byte field is a 4-byte big-endian length followed by its bytes
 * (text as UTF-8), or the length -1 for SQL null. The first entry's previous hash is 32 zero bytes. Payloads and
 * metadata are hashed as stored, so crypto-shredding a person's key, which changes no row, leaves the chain valid.
 */
final class ChainHash {

    static final int LENGTH = 32;
    static final byte[] GENESIS = new byte[LENGTH];

    private static final byte EVENT = 'E';
    private static final byte ABSENT = 'A';
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;

    ChainHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    byte[] event(byte[] previous, StoredEvent event) {
        sha256.update(previous);
        sha256.update(EVENT);
        number(event.globalIndex());
        text(event.eventIdentifier());
        text(event.aggregateIdentifier());
        number(event.sequenceNumber());
        text(event.type());
        text(event.timeStamp());
        text(event.payloadType());
        text(event.payloadRevision());
        bytes(event.payload());
        bytes(event.metaData());
        return sha256.digest();
    }

    byte[] absent(byte[] previous, long globalIndex) {
        sha256.update(previous);
        sha256.update(ABSENT);
        number(globalIndex);
        return sha256.digest();
    }

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    private void number(long value) {
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private void text(String value) {
        bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] value) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha256.update(value);
        }
    }
}
