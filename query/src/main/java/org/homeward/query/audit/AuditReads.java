package org.homeward.query.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.audit.AuditReadPage;
import org.homeward.audit.ReadPurpose;
import org.homeward.audit.AuditRead;
import org.homeward.audit.FindAuditReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records every read of a person's data before the data is returned, and answers who read what. The entry is
 * committed on its own, so it stays even if the response never reaches the reader; a read that cannot be
 * recorded fails before anything is read.
 */
@Component
public class AuditReads {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditReads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param caller  who reads; null only where authentication is not yet in place
     * @param what    what is read, such as "timeline"
     * @param purpose why, when the reader said; a code, never free text
     */
    public void record(Caller caller, UUID journeyId, String what, ReadPurpose purpose, String requestId) {
        jdbc.update("""
                    insert into audit_read (read_id, journey_id, actor_id, actor_role, actor_organisation_id, read_at,
                        what, purpose, request_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    UUID.randomUUID(), journeyId, caller == null ? null : caller.userId(),
                    caller == null ? null : caller.role().name(), caller == null ? null : caller.organisationId(),
                    Timestamp.from(clock.instant()), what, purpose == null ? null : purpose.name(), requestId);
    }

    @QueryHandler
    AuditReadPage handle(FindAuditReads query) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (query.journeyId() != null) {
            conditions.add("journey_id = ?");
            arguments.add(query.journeyId());
        }
        if (query.actorId() != null) {
            conditions.add("actor_id = ?");
            arguments.add(query.actorId());
        }
        if (query.from() != null) {
            conditions.add("read_at >= ?");
            arguments.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("read_at < ?");
            arguments.add(Timestamp.from(query.to()));
        }
        String filter = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.queryForObject("select count(*) from audit_read" + filter, Long.class, arguments.toArray());
        arguments.add(query.size());
        arguments.add((long) query.page() * query.size());
        List<AuditRead> entries = jdbc.query(
                "select * from audit_read" + filter + " order by read_at desc, read_id limit ? offset ?",
                (rs, row) -> {
                    String role = rs.getString("actor_role");
                    String purpose = rs.getString("purpose");
                    return new AuditRead(rs.getObject("read_id", UUID.class), rs.getObject("journey_id", UUID.class),
                                         rs.getString("actor_id"), role == null ? null : Role.valueOf(role),
                                         rs.getString("actor_organisation_id"),
                                         rs.getTimestamp("read_at").toInstant(), rs.getString("what"),
                                         purpose == null ? null : ReadPurpose.valueOf(purpose),
                                         rs.getString("request_id"));
                },
                arguments.toArray());
        return new AuditReadPage(query.page(), query.size(), total, entries);
    }
}
