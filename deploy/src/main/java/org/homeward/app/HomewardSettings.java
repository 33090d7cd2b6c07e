package org.homeward.app;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings: every {@code homeward.*} key but those of the command and the read side
 * ({@code CommandSettings}, {@code QuerySettings}). Every key and its default is in {@code application.yml}, with
 * what it is for; nothing has a default in code.
 *
 * @param role {@code all}, {@code command} or {@code query}: which sides this process runs
 */
@ConfigurationProperties("homeward")
public record HomewardSettings(String role, EmbeddedDatabase embeddedDatabase, EventStore eventStore,
                               EventProcessing eventProcessing, Http http, Access access, Privacy privacy,
                               Idempotency idempotency, Duplicates duplicates, Audit audit, Integrity integrity,
                               Projections projections, Web web) {

    /**
     * @param directory     where the embedded PostgreSQL keeps its data when no datasource is configured
     * @param keysDirectory where its passwords are kept, owner-only
     */
    public record EmbeddedDatabase(Path directory, Path keysDirectory) {
    }

    /**
     * @param gapTimeout   how long a rolled-back append's position is looked at again; it decides nothing
     * @param pollInterval how often the processors look for new events when no notification of them came
     */
    public record EventStore(Duration gapTimeout, Duration pollInterval) {
    }

    /**
     * @param claimTimeout  how long a dead process's segments stay claimed; the others check for free ones every tenth of it
     * @param shareInterval how often each process checks its fair share of every processor's segments
     */
    public record EventProcessing(Duration claimTimeout, Duration shareInterval) {
    }

    /**
     * @param bodyReadTimeout      the longest a request body may take to arrive; then 408 and the connection closes
     * @param maxRequestsPerClient requests of one client address served at once; more are answered 429
     */
    public record Http(Duration bodyReadTimeout, int maxRequestsPerClient) {
    }

    /**
     * @param maxTokenLifetime no token valid for longer is accepted
     * @param issuer           with an identity provider: the required {@code iss} of Homeward's tokens
     * @param audience         with an identity provider: the required {@code aud}
     * @param localKeyFile     without an identity provider: the key local tokens are signed with
     */
    public record Access(Duration maxTokenLifetime, String issuer, String audience, Path localKeyFile) {
    }

    /**
     * @param masterKey     the master key in Base64, given from a secret store (then it is never rotated)
     * @param masterKeyFile otherwise, the master key's file; the other key files are kept beside it
     * @param rotationCheck how often each process checks whether the master key is due for rotation
     * @param rotateEvery   the longest a master key stays current without an erasure
     */
    public record Privacy(String masterKey, Path masterKeyFile, Duration rotationCheck, Duration rotateEvery) {
    }

    /** @param fingerprintKeyFile the key of idempotency fingerprints; empty: beside the master key file */
    public record Idempotency(String fingerprintKeyFile) {
    }

    /** @param indexKeyFile the key of the possible duplicates' blind index; empty: beside the master key file */
    public record Duplicates(String indexKeyFile) {
    }

    /**
     * @param denialRetention     refusals older than this are deleted
     * @param denialPurgeInterval how often they are
     */
    public record Audit(Duration denialRetention, Duration denialPurgeInterval) {
    }

    /**
     * @param keeperEnabled          whether this process extends the hash chain (every process may)
     * @param keeperInterval         how often the keeper looks for events to chain
     * @param settleTime             how old an event must be before it is chained
     * @param batchSize              entries chained, or positions verified, per transaction
     * @param checkpointEvery        a checkpoint at least every this many entries
     * @param checkpointInterval     and at least this often
     * @param checkpointKeyFile      the checkpoint signing key; empty: beside the master key file
     * @param checkpointKeyMayCreate false where nothing may be written, as in the verify command
     */
    public record Integrity(boolean keeperEnabled, Duration keeperInterval, Duration settleTime, int batchSize,
                            long checkpointEvery, Duration checkpointInterval, String checkpointKeyFile,
                            boolean checkpointKeyMayCreate) {
    }

    /** @param progressInterval how often projections' speed is sampled and a rebuild's progress logged */
    public record Projections(Duration progressInterval) {
    }

    /**
     * @param signInAttempts wrong passwords in a row before an account is locked
     * @param lockout        how long it stays locked
     */
    public record Web(int signInAttempts, Duration lockout) {
    }
}
