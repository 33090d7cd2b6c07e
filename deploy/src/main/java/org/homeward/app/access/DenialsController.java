package org.homeward.app.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.homeward.access.Role;
import org.homeward.query.PagedSearch;
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
@Tag(name = "audit")
@RequestMapping("/api/v1/audit/denials")
class DenialsController {

    private final JdbcTemplate jdbc;

    DenialsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Refusals of signed-in callers (401, 403, out-of-scope 404), newest first")
    @GetMapping
    DenialPage denials(@RequestParam(required = false) String actorId,
                       @RequestParam(required = false) Instant from,
                       @RequestParam(required = false) Instant to,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        PagedSearch.Page<Denial> found = new PagedSearch().where("actor_id = ?", actorId).between("denied_at", from, to)
                .run(jdbc, "audit_denial", "denied_at desc, denial_id", page, size, (rs, row) -> {
                    String role = rs.getString("actor_role");
                    return new Denial(rs.getObject("denial_id", UUID.class), rs.getTimestamp("denied_at").toInstant(),
                                      rs.getString("actor_id"), role == null ? null : Role.valueOf(role),
                                      rs.getString("actor_organisation_id"), rs.getString("method"),
                                      rs.getString("path"), rs.getInt("status"));
                });
        return new DenialPage(page, size, found.total(), found.entries());
    }

    /** @param route an endpoint's pattern, e.g. {@code /api/v1/journeys/{journeyId}/timeline}, or {@code unmatched} */
    @Operation(summary = "Refusals without a valid token, counted per minute, route and status")
    @GetMapping("/anonymous")
    AnonymousRefusals anonymous(@RequestParam(required = false) String route,
                                @RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        PagedSearch.Page<AnonymousRefusals.Count> found = new PagedSearch().where("route = ?", route)
                .between("minute", from, to)
                .run(jdbc, "audit_denial_count", "minute desc, route, method, status", page, size,
                     (rs, row) -> new AnonymousRefusals.Count(rs.getTimestamp("minute").toInstant(),
                                                              rs.getString("method"), rs.getString("route"),
                                                              rs.getInt("status"), rs.getLong("refusals")));
        return new AnonymousRefusals(page, size, found.total(), found.entries());
    }
}
