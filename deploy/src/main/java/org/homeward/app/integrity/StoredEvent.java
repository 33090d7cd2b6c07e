package org.homeward.app.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** One row of {@code domain_event_entry} exactly as stored: the bytes the chain vouches for. */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                   byte[] metaData) {

    /** The columns {@link #ROW} reads, in order. */
    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                                  + "time_stamp, payload_type, payload_revision, payload, meta_data";

    static final RowMapper<StoredEvent> ROW = StoredEvent::read;

    private static StoredEvent read(ResultSet row, int rowNumber) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                               row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                               row.getBytes(10));
    }
}
