package org.homeward.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.access.Provenance;
import org.homeward.access.Role;
import org.homeward.audit.AuditEvent;
import org.homeward.audit.AuditEventPage;
import org.homeward.audit.FindAuditEvents;
import org.homeward.query.PagedSearch;
import org.homeward.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event as an audit entry: what, to which journey or program, recorded when and by whom, through which
 * request. Entries are keyed by the event's identifier, so replaying inserts nothing twice; they are written
 * with the processor's batch ({@link ProjectionWrites}).
 */
@Component
@ProcessingGroup("audit")
class AuditTrail {

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new ProjectionWrites(jdbc, null);
    }

    /**
     * The entry's position is the one the store gave the event, read by the event's identifier, never the tracking
     * token's: a gap-aware token holds the highest position its processor has seen, which is not the event's own.
     */
    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        Provenance provenance = Provenance.from(event.getMetaData());
        writes.writeRow("""
                        insert into audit_event (global_index, event_identifier, aggregate_identifier,
                            aggregate_type, sequence_number, event_type, recorded_at, actor_id, actor_role,
                            actor_organisation_id, correlation_id, causation_id, request_id, channel)
                        select stored.global_index, stored.event_identifier, entry.aggregate_identifier,
                            entry.aggregate_type, entry.sequence_number::bigint, entry.event_type,
                            entry.recorded_at::timestamptz, entry.actor_id, entry.actor_role,
                            entry.actor_organisation_id, entry.correlation_id, entry.causation_id, entry.request_id,
                            entry.channel
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            as entry(event_identifier, aggregate_identifier, aggregate_type, sequence_number,
                                     event_type, recorded_at, actor_id, actor_role, actor_organisation_id,
                                     correlation_id, causation_id, request_id, channel)
                        join domain_event_entry stored on stored.event_identifier = entry.event_identifier
                        on conflict (event_identifier) do nothing
                        """,
                        event.getIdentifier(), event.getAggregateIdentifier(), event.getType(),
                        Long.toString(event.getSequenceNumber()), payload.getClass().getSimpleName(),
                        event.getTimestamp().toString(), provenance.actorId(),
                        provenance.actorRole() == null ? null : provenance.actorRole().name(),
                        provenance.actorOrganisationId(), text(event.getMetaData().get(Provenance.CORRELATION_ID)),
                        text(event.getMetaData().get(Provenance.CAUSATION_ID)), provenance.requestId(),
                        provenance.channel());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_event");
    }

    @QueryHandler
    AuditEventPage handle(FindAuditEvents query) {
        PagedSearch.Page<AuditEvent> found = new PagedSearch()
                .where("aggregate_identifier = ?", query.aggregateId())
                .where("actor_id = ?", query.actorId())
                .where("actor_organisation_id = ?", query.organisationId())
                .where("event_type = ?", query.eventType())
                .between("recorded_at", query.from(), query.to())
                .run(jdbc, "audit_event", "global_index " + (query.newestFirst() ? "desc" : "asc"), query.page(),
                     query.size(), (rs, row) -> entry(rs));
        return new AuditEventPage(query.page(), query.size(), found.total(), found.entries());
    }

    private static AuditEvent entry(ResultSet rs) throws SQLException {
        String role = rs.getString("actor_role");
        return new AuditEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                              rs.getString("aggregate_identifier"), rs.getString("aggregate_type"),
                              rs.getLong("sequence_number"), rs.getString("event_type"),
                              rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor_id"),
                              role == null ? null : Role.valueOf(role), rs.getString("actor_organisation_id"),
                              rs.getString("correlation_id"), rs.getString("causation_id"),
                              rs.getString("request_id"), rs.getString("channel"));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
