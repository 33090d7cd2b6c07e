package org.homeward.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.homeward.access.Caller;
import org.homeward.app.HomewardSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Keeps refused requests for the auditors. It belongs to access, not to the read side, so that every role of the
 * application (a command-only process too) records its refusals; the read side answers the auditors.
 *
 * <p>A refusal is kept by its route ({@code /api/v1/journeys/{journeyId}/timeline}), never by the path as sent,
 * which is any text of the sender's choosing. A signed-in caller's refusal is one row (who was refused what); a
 * request without a valid token only counts towards its route's refusals of that minute, so anyone on the
 * network can add to a count but not fill the database. Both are forgotten after
 * {@code homeward.audit.denial-retention}.
 */
@Component
public class DenialLog {

    /** Every request no endpoint answers, so that made-up paths cannot make new rows either. */
    static final String UNMATCHED = "unmatched";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final Clock clock;
    private final ObjectProvider<HandlerMapping> handlerMappings;
    private final Duration retention;

    DenialLog(JdbcTemplate jdbc, Clock clock, ObjectProvider<HandlerMapping> handlerMappings,
              HomewardSettings settings) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.clock = clock;
        this.handlerMappings = handlerMappings;
        this.retention = settings.audit().denialRetention();
    }

    public void record(HttpServletRequest request, int status) {
        Caller caller = Caller.onRequest(request::getAttribute);
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        String route = route(request);
        if (caller == null) {
            jdbc.update("""
                        insert into audit_denial_count (minute, method, route, status, refusals)
                        values (?, ?, ?, ?, 1)
                        on conflict (minute, method, route, status)
                        do update set refusals = audit_denial_count.refusals + 1
                        """,
                        Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MINUTES)), method, route, status);
            return;
        }
        sql.sql("""
               insert into audit_denial (denial_id, denied_at, actor_id, actor_role, actor_organisation_id,
                   method, path, status)
               values (:denial, :deniedAt, :actor, :role, :organisation, :method, :route, :status)
               """)
           .param("denial", UUID.randomUUID())
           .param("deniedAt", Timestamp.from(clock.instant()))
           .param("actor", caller.userId())
           .param("role", caller.role().name())
           .param("organisation", caller.organisationId())
           .param("method", method)
           .param("route", route)
           .param("status", status)
           .update();
    }

    @Scheduled(fixedDelayString = "${homeward.audit.denial-purge-interval}")
    void forgetOldDenials() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        jdbc.update("delete from audit_denial where denied_at < ?", before);
        jdbc.update("delete from audit_denial_count where minute < ?", before);
    }

    /**
     * The pattern of the endpoint the request was for. Refused by an endpoint, the request was dispatched and
     * carries it; refused before dispatch (by the endpoint rules), it is looked up as the dispatcher would.
     */
    private String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            for (HandlerMapping mapping : handlerMappings.orderedStream().toList()) {
                try {
                    if (mapping.getHandler(request) != null) {
                        pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                        break;
                    }
                } catch (Exception noEndpoint) {
                    // such as a method the path does not take: no endpoint answers it
                    break;
                }
            }
        }
        // a catch-all mapping (static resources' /**) matches anything and names no endpoint
        return pattern instanceof String route && !route.endsWith("/**") ? route : UNMATCHED;
    }
}
