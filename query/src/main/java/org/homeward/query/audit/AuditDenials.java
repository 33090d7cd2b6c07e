package org.homeward.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.access.Role;
import org.homeward.audit.AuditDenial;
import org.homeward.audit.AuditDenialPage;
import org.homeward.audit.FindAuditDenials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers auditors who was refused what (access keeps the refusals). */
@Component
class AuditDenials {

    private final JdbcTemplate jdbc;

    AuditDenials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AuditDenialPage handle(FindAuditDenials query) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (query.actorId() != null) {
            conditions.add("actor_id = ?");
            arguments.add(query.actorId());
        }
        if (query.from() != null) {
            conditions.add("denied_at >= ?");
            arguments.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("denied_at < ?");
            arguments.add(Timestamp.from(query.to()));
        }
        String filter = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.queryForObject("select count(*) from audit_denial" + filter, Long.class,
                                         arguments.toArray());
        arguments.add(query.size());
        arguments.add((long) query.page() * query.size());
        List<AuditDenial> entries = jdbc.query(
                "select * from audit_denial" + filter + " order by denied_at desc, denial_id limit ? offset ?",
                (rs, row) -> {
                    String role = rs.getString("actor_role");
                    return new AuditDenial(rs.getObject("denial_id", UUID.class),
                                           rs.getTimestamp("denied_at").toInstant(), rs.getString("actor_id"),
                                           role == null ? null : Role.valueOf(role),
                                           rs.getString("actor_organisation_id"), rs.getString("method"),
                                           rs.getString("path"), rs.getInt("status"));
                },
                arguments.toArray());
        return new AuditDenialPage(query.page(), query.size(), total, entries);
    }
}
