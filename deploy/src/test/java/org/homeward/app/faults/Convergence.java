package org.homeward.app.faults;

import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Does every read model say what the events say? Compares each projection's table with domain_event_entry,
 * waiting up to a bound for the projections to catch up, and answers the differences (empty: converged).
 *
 * <p>Generic where the tables allow: a projection keeps one row per aggregate, and its version column is the
 * sequence number of the last event it applied, so the row must exist for every aggregate that has an event the
 * projection handles, and its version must equal the highest such sequence number. Which events it handles is
 * read from its {@code @EventHandler} methods, so a new projection is covered by adding one line to
 * {@link #PROJECTIONS}. The audit trail is checked as a set: exactly one entry per stored event, at the same
 * global index, for the same aggregate and sequence number.
 *
 * <pre>{@code List<String> differences = Convergence.check(dataSource);   // waits up to 30 s
 * assertThat(differences).isEmpty();}</pre>
 */
public final class Convergence {

    /**
     * A projection table keyed by aggregate id. {@code version} is null for a table without one (its rows must
     * then exist exactly for the aggregates with handled events).
     */
    public record Projection(String table, String key, String version, String aggregateType, String handlers) {
    }

    public static final List<Projection> PROJECTIONS = List.of(
            new Projection("timeline_journey", "journey_id", "version", "Journey",
                           "org.homeward.query.timeline.TimelineProjection"),
            new Projection("caseload_journey", "journey_id", "version", "Journey",
                           "org.homeward.query.caseload.CaseloadProjection"),
            new Projection("outcomes_journey", "journey_id", "version", "Journey",
                           "org.homeward.query.outcomes.OutcomesProjection"),
            new Projection("programs_program", "program_id", null, "Program",
                           "org.homeward.query.programs.ProgramsProjection"));

    private static final int EXAMPLES = 3;
    /** how long the differences may stay exactly the same before the check stops waiting */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private Convergence() {
    }

    public static List<String> check(DataSource database) {
        return check(database, Duration.ofSeconds(30));
    }

    public static List<String> check(JdbcTemplate jdbc) {
        return check(jdbc.getDataSource());
    }

    /**
     * Polls until nothing differs or the bound has passed; answers the differences of the last look. Gives up
     * early when the differences have stayed the same for {@link #PATIENCE}: the projections are not moving, so
     * waiting longer would only slow a failing run.
     */
    public static List<String> check(DataSource database, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> previous = null;
        long unchangedSince = System.nanoTime();
        while (true) {
            List<String> differences = differences(database);
            if (!differences.equals(previous)) {
                previous = differences;
                unchangedSince = System.nanoTime();
            }
            if (differences.isEmpty() || System.nanoTime() > deadline
                || System.nanoTime() - unchangedSince > PATIENCE.toNanos()) {
                return differences;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return differences;
            }
        }
    }

    /** One look, no waiting. */
    public static List<String> differences(DataSource database) {
        List<String> differences = new ArrayList<>();
        try (Connection c = database.getConnection()) {
            audit(c, differences);
            for (Projection projection : PROJECTIONS) {
                versions(c, projection, differences);
            }
        } catch (SQLException e) {
            differences.add("cannot read the database: " + e.getMessage());
        }
        return differences;
    }

    private static void audit(Connection c, List<String> differences) throws SQLException {
        try (ResultSet rows = c.createStatement().executeQuery("""
                select e.global_index as stored, a.global_index as audited,
                       coalesce(e.aggregate_identifier, a.aggregate_identifier) as aggregate,
                       coalesce(e.sequence_number, a.sequence_number) as sequence
                from domain_event_entry e full join audit_event a on a.global_index = e.global_index
                where e.global_index is null or a.global_index is null
                   or a.event_identifier <> e.event_identifier or a.aggregate_identifier <> e.aggregate_identifier
                   or a.sequence_number <> e.sequence_number
                order by 1, 2
                """)) {
            collect(rows, "audit_event", differences, rs -> {
                Long stored = (Long) rs.getObject("stored");
                Long audited = (Long) rs.getObject("audited");
                String where = "index " + (stored != null ? stored : audited) + " (" + rs.getString("aggregate")
                               + " #" + rs.getLong("sequence") + ")";
                if (audited == null) {
                    return "event at " + where + " has no audit entry";
                }
                return stored == null ? "audit entry at " + where + " has no event"
                                      : "audit entry at " + where + " is not that event";
            });
        }
    }

    private static void versions(Connection c, Projection projection, List<String> differences) throws SQLException {
        String version = projection.version() == null ? "0" : projection.version();
        String expectedVersion = projection.version() == null ? "0" : "max(sequence_number)";
        try (PreparedStatement query = c.prepareStatement(
                "with expected as (select aggregate_identifier as id, " + expectedVersion + " as v"
                + "                from domain_event_entry where type = ? and payload_type = any(?) group by 1),"
                + "     actual as (select " + projection.key() + "::text as id, " + version + " as v"
                + "                from " + projection.table() + ")"
                + " select coalesce(x.id, t.id) as id, x.v as expected, t.v as actual"
                + " from expected x full join actual t on t.id = x.id"
                + " where x.v is distinct from t.v order by 1")) {
            Array types = c.createArrayOf("text", handledTypes(projection.handlers()).toArray());
            query.setString(1, projection.aggregateType());
            query.setArray(2, types);
            try (ResultSet rows = query.executeQuery()) {
                collect(rows, projection.table(), differences, rs -> {
                    String id = rs.getString("id");
                    long expected = rs.getLong("expected");
                    boolean none = rs.wasNull();
                    long actual = rs.getLong("actual");
                    if (rs.wasNull()) {
                        return id + " is missing (events up to #" + expected + ")";
                    }
                    return none ? id + " has a row but no events" : id + " is at #" + actual + ", events at #"
                                                                    + expected;
                });
            }
        }
    }

    /** The payload types the projection's {@code @EventHandler} methods take, by their first parameter. */
    static Set<String> handledTypes(String projectionClass) {
        Set<String> types = new LinkedHashSet<>();
        try {
            for (Method method : Class.forName(projectionClass).getDeclaredMethods()) {
                boolean handler = List.of(method.getAnnotations()).stream().anyMatch(
                        a -> a.annotationType().getName().equals("org.axonframework.eventhandling.EventHandler"));
                if (handler && method.getParameterCount() > 0) {
                    types.add(method.getParameterTypes()[0].getName());
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no projection class " + projectionClass, e);
        }
        return types;
    }

    private interface Describe {
        String row(ResultSet rows) throws SQLException;
    }

    /** Adds "table: N differ, e.g. a; b; c" when any row differs. */
    private static void collect(ResultSet rows, String table, List<String> differences, Describe describe)
            throws SQLException {
        int count = 0;
        List<String> examples = new ArrayList<>();
        while (rows.next()) {
            if (count++ < EXAMPLES) {
                examples.add(describe.row(rows));
            }
        }
        if (count > 0) {
            differences.add(table + ": " + count + " differ, e.g. " + String.join("; ", examples));
        }
    }
}
