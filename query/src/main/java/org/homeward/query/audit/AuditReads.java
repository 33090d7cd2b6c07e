package org.homeward.query.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.audit.AuditRead;
import org.homeward.audit.AuditReadPage;
import org.homeward.audit.FindAuditReads;
import org.homeward.audit.ReadPurpose;
import org.homeward.event.Ignores;
import org.homeward.journey.JourneyEvent;
import org.homeward.journey.PersonalDataErased;
import org.homeward.privacy.PersonKeyring;
import org.homeward.privacy.Sealed;
import org.homeward.program.ProgramEvent;
import org.homeward.query.PagedSearch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every read of a person's data before the data is returned, and answers who read what. The entry is
 * committed before the read goes on, in a transaction of its own, so it stays even if the response never reaches
 * the reader; a read that cannot be recorded fails before anything is read. Entries of concurrent readers are
 * committed together ({@link GroupCommit}): one fsync for all of them rather than one each. A note beside the
 * purpose may name the person: it is kept sealed under the person's key, and dropped when their data is erased.
 */
@Ignores(value = {JourneyEvent.class, ProgramEvent.class},
         why = "it records reads, not events; an erasure only drops the notes beside the reads")
@Component
@ProcessingGroup("audit")
public class AuditReads {

    private static final String ERASED = "[erased]";
    /** Readers waiting for one commit at most: a statement of a few hundred rows still commits in milliseconds. */
    private static final int MOST_IN_ONE_COMMIT = 256;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PersonKeyring keyring;
    private final GroupCommit<Object[]> entries;

    AuditReads(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock, PersonKeyring keyring) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keyring = keyring;
        // its own transaction, whatever the caller that happens to commit for the others is part of
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.entries = new GroupCommit<>(rows -> transactions.executeWithoutResult(status -> jdbc.batchUpdate("""
                insert into audit_read (read_id, journey_id, actor_id, actor_role, actor_organisation_id, read_at,
                    what, purpose, purpose_note, request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows)), MOST_IN_ONE_COMMIT);
    }

    /**
     * @param caller      who reads; null only where authentication is not yet in place
     * @param what        what is read, such as "timeline"
     * @param purpose     why, when the reader said; a code, never free text
     * @param purposeNote what the reader added, or null; not kept when the person's data is erased already
     */
    public void record(Caller caller, UUID journeyId, String what, ReadPurpose purpose, String purposeNote,
                       String requestId) {
        entries.write(new Object[] {UUID.randomUUID(), journeyId, caller == null ? null : caller.userId(),
                                    caller == null ? null : caller.role().name(),
                                    caller == null ? null : caller.organisationId(), Timestamp.from(clock.instant()),
                                    what, purpose == null ? null : purpose.name(), seal(journeyId, purposeNote),
                                    requestId});
    }

    /** Readers waiting for their entry's commit, for tests that hold one back. */
    int waitingToCommit() {
        return entries.waiting();
    }

    private String seal(UUID journeyId, String note) {
        byte[] key = note == null ? null : keyring.key(journeyId);
        return key == null ? null : Sealed.seal(key, journeyId, note);
    }

    /** @param keys the person keys this page looked up already: one lookup per journey, not per read */
    private String open(UUID journeyId, String sealed, Map<UUID, Optional<byte[]>> keys) {
        if (sealed == null) {
            return null;
        }
        byte[] key = keys.computeIfAbsent(journeyId, id -> Optional.ofNullable(keyring.key(id))).orElse(null);
        if (key == null) {
            return ERASED;
        }
        return new Sealed(sealed).openTextOrUnreadable(key, journeyId);
    }

    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update audit_read set purpose_note = null where journey_id = ?", event.journeyId());
    }

    @QueryHandler
    AuditReadPage handle(FindAuditReads query) {
        Map<UUID, Optional<byte[]>> keys = new HashMap<>();
        PagedSearch.Page<AuditRead> found = new PagedSearch()
                .where("journey_id = ?", query.journeyId())
                .where("actor_id = ?", query.actorId())
                .between("read_at", query.from(), query.to())
                .run(jdbc, "audit_read", "read_at desc, read_id", query.page(), query.size(), (rs, row) -> {
                    String role = rs.getString("actor_role");
                    String purpose = rs.getString("purpose");
                    return new AuditRead(rs.getObject("read_id", UUID.class), rs.getObject("journey_id", UUID.class),
                                         rs.getString("actor_id"), role == null ? null : Role.valueOf(role),
                                         rs.getString("actor_organisation_id"),
                                         rs.getTimestamp("read_at").toInstant(), rs.getString("what"),
                                         purpose == null ? null : ReadPurpose.valueOf(purpose),
                                         open(rs.getObject("journey_id", UUID.class), rs.getString("purpose_note"),
                                              keys),
                                         rs.getString("request_id"));
                });
        return new AuditReadPage(query.page(), query.size(), found.total(), found.entries());
    }
}
