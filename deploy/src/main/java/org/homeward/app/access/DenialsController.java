package org.homeward.app.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.homeward.access.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refusals for auditors, as {@link DenialLog} keeps them: signed-in callers' one by one, requests without a valid
 * token as counts per minute and route. Served by every role of the application, since every role refuses.
 */
@RestController
@RequestMapping("/api/v1/audit/denials")
class DenialsController {

    private final JdbcTemplate jdbc;

    DenialsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    DenialPage denials(@RequestParam(required = false) String actorId,
                       @RequestParam(required = false) Instant from,
                       @RequestParam(required = false) Instant to,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Filter filter = new Filter("denied_at", from, to);
        filter.equal("actor_id", actorId);
        long total = jdbc.queryForObject("select count(*) from audit_denial" + filter, Long.class, filter.arguments());
        List<Denial> entries = jdbc.query(
                "select * from audit_denial" + filter + " order by denied_at desc, denial_id limit ? offset ?",
                (rs, row) -> {
                    String role = rs.getString("actor_role");
                    return new Denial(rs.getObject("denial_id", UUID.class), rs.getTimestamp("denied_at").toInstant(),
                                      rs.getString("actor_id"), role == null ? null : Role.valueOf(role),
                                      rs.getString("actor_organisation_id"), rs.getString("method"),
                                      rs.getString("path"), rs.getInt("status"));
                },
                filter.arguments(size, (long) page * size));
        return new DenialPage(page, size, total, entries);
    }

    /** @param route an endpoint's pattern, e.g. {@code /api/v1/journeys/{journeyId}/timeline}, or {@code unmatched} */
    @GetMapping("/anonymous")
    AnonymousRefusals anonymous(@RequestParam(required = false) String route,
                                @RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Filter filter = new Filter("minute", from, to);
        filter.equal("route", route);
        long total = jdbc.queryForObject("select count(*) from audit_denial_count" + filter, Long.class,
                                         filter.arguments());
        List<AnonymousRefusals.Count> entries = jdbc.query(
                "select * from audit_denial_count" + filter
                + " order by minute desc, route, method, status limit ? offset ?",
                (rs, row) -> new AnonymousRefusals.Count(rs.getTimestamp("minute").toInstant(), rs.getString("method"),
                                                         rs.getString("route"), rs.getInt("status"),
                                                         rs.getLong("refusals")),
                filter.arguments(size, (long) page * size));
        return new AnonymousRefusals(page, size, total, entries);
    }

    /** A where clause of the given conditions, {@code from} inclusive and {@code to} exclusive. */
    private static final class Filter {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> arguments = new ArrayList<>();

        Filter(String timeColumn, Instant from, Instant to) {
            if (from != null) {
                conditions.add(timeColumn + " >= ?");
                arguments.add(Timestamp.from(from));
            }
            if (to != null) {
                conditions.add(timeColumn + " < ?");
                arguments.add(Timestamp.from(to));
            }
        }

        void equal(String column, String value) {
            if (value != null) {
                conditions.add(column + " = ?");
                arguments.add(value);
            }
        }

        Object[] arguments(Object... more) {
            List<Object> all = new ArrayList<>(arguments);
            all.addAll(List.of(more));
            return all.toArray();
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
