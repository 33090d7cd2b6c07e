package org.homeward.app.backup;

import java.util.List;
import java.util.Map;

/**
 * The last entry of a backup file, {@value #NAME}: what the file holds and what it needs. It names the keys the
 * data needs by id and proof (an HMAC or hash that cannot be turned back into the key), never the keys themselves.
 *
 * @param format          always {@value #FORMAT}
 * @param formatVersion   {@value #FORMAT_VERSION}; a restore refuses a version it does not know
 * @param homewardVersion the version of the Homeward that took it ("unknown" when run from classes)
 * @param schemaVersion   the newest migration applied to the backed-up database
 * @param postgresVersion the PostgreSQL it was taken from; a restore needs the same major version
 * @param takenAt         when the copy began (ISO-8601, UTC)
 * @param startLsn        where the WAL needed begins
 * @param stopLsn         where the copy is consistent: the restored database is the database as of this point
 * @param eventsAtStart   the highest event position committed before the copy began: a restore holds at least these
 * @param keys            the keys the data needs, each by proof
 * @param entries         every other entry of the file with its size and SHA-256, in order
 */
record BackupManifest(String format, int formatVersion, String homewardVersion, String schemaVersion,
                      String postgresVersion, String takenAt, String startLsn, String stopLsn, long eventsAtStart,
                      KeysNeeded keys, List<Entry> entries) {

    static final String NAME = "homeward-backup.json";
    static final String FORMAT = "homeward-backup";
    static final int FORMAT_VERSION = 1;

    /** A file or (name ending in /) directory of the backed-up data directory, under {@code data/}. */
    record Entry(String name, long size, String sha256) {
    }

    /**
     * @param masterKeys          the master keys the data was sealed with: id and check value (the HMAC the
     *                            table master_key keeps); empty when nothing was sealed yet
     * @param checkpointPublicKey the public half of the key that signed the integrity checkpoints; null if none
     * @param databasePasswords   the SHA-256 of each password file the restored database's roles need
     */
    record KeysNeeded(List<MasterKey> masterKeys, String checkpointPublicKey, Map<String, String> databasePasswords) {
    }

    record MasterKey(int id, String checkValue) {
    }
}
