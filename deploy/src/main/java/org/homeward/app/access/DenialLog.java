package org.homeward.app.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.homeward.access.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every refused request for the auditors. It belongs to access, not to the read side, so that every role
 * of the application (a command-only process too) records its refusals; the read side answers the auditors.
 */
@Component
public class DenialLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DenialLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param caller null when the request carried no valid token */
    public void record(Caller caller, String method, String path, int status) {
        jdbc.update("""
                    insert into audit_denial (denial_id, denied_at, actor_id, actor_role, actor_organisation_id,
                        method, path, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    UUID.randomUUID(), Timestamp.from(clock.instant()), caller == null ? null : caller.userId(),
                    caller == null ? null : caller.role().name(), caller == null ? null : caller.organisationId(),
                    method, path.length() > 300 ? path.substring(0, 300) : path, status);
    }
}
