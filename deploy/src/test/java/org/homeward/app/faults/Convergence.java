package org.homeward.app.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Does every read model say exactly what the events say? The reference is the real projection code replaying the
 * same events from scratch: once every projection has caught up, each table of each projection is read whole,
 * every projection is rebuilt through the admin API, and the tables are read again and compared row by row, every
 * column. Any difference is something the live run got wrong that a replay gets right: an event skipped, applied
 * twice or out of order, a batch half applied. Besides, the audit trail is checked against the event table
 * itself: one entry per event, at the event's own global index.
 *
 * <p>Generic: the projections are the streaming processors the application lists (GET
 * /api/v1/admin/projections), and a projection's tables are those named after it ({@code timeline_*},
 * {@code caseload_*}, ...; docs/architecture.md), so a new projection is covered without a line here. One that
 * has no such table fails the check. {@code ConvergenceCoverageTest} holds every streaming processor and every
 * read-side table to this.
 *
 * <p>No column is left out of the comparison: the projections write what the event says (its payload, its
 * sequence number, its stored position, its own time stamp), never the time they apply it, so a replay writes
 * every row exactly as the live run should have.
 *
 * <p>The rebuild is refused while another process holds segments of a projection (409 busy), so the process
 * given must be the only one running projections; the check waits until it holds every segment.
 *
 * <pre>{@code Convergence.Verdict verdict = Convergence.check(dataSource, admin, process, Duration.ofSeconds(60));
 * assertThat(verdict.differences()).isEmpty();}</pre>
 */
public final class Convergence {

    /**
     * Tables named after a projection that no event fills: each is written by a request, and a rebuild leaves it
     * as it is, so it says nothing about convergence.
     */
    static final Map<String, String> NOT_FROM_EVENTS = Map.of(
            "audit_read", "who read a person's timeline and why: written by the read itself (query)",
            "audit_denial", "refused requests: written by the refusal (deploy)",
            "audit_denial_count", "refused requests counted per caller: written by the refusal (deploy)");

    /** What the check found, and how much it compared. */
    public record Verdict(List<String> differences, int tables, long rows) {

        boolean converged() {
            return differences.isEmpty();
        }
    }

    /** One projection as GET /api/v1/admin/projections shows it. */
    record Progress(String projection, boolean rebuilding, long behind) {
    }

    private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*}");
    private static final int EXAMPLES = 3;
    /** how long the differences may stay exactly the same before a wait gives up */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private Convergence() {
    }

    /** Whether a table belongs to a projection: named after it, and filled by events. */
    static boolean belongsTo(String table, String projection) {
        return table.startsWith(projection + "_") && !NOT_FROM_EVENTS.containsKey(table);
    }

    /**
     * Waits up to the bound for every projection to catch up, then compares each with its from-scratch replay.
     *
     * @param admin   a client with an administrator's token
     * @param process the only process running projections
     */
    static Verdict check(DataSource database, Client admin, Homeward process, Duration bound) {
        List<String> waiting = await(database, admin, process, bound);
        if (!waiting.isEmpty()) {
            return new Verdict(waiting, 0, 0);
        }
        try {
            List<String> projections = progress(admin, process.port()).stream().map(Progress::projection).toList();
            Map<String, List<String>> live = snapshot(database, projections);
            List<String> differences = new ArrayList<>();
            for (String projection : projections) {
                if (live.keySet().stream().noneMatch(table -> belongsTo(table, projection))) {
                    differences.add(projection + ": no table named " + projection + "_*, nothing to compare");
                }
                int status = admin.post(process.port(), "/api/v1/admin/projections/" + projection + "/rebuild", "",
                                        Map.of()).status();
                if (status != 202) {
                    differences.add(projection + ": rebuild answered " + status);
                }
            }
            differences.addAll(await(database, admin, process, bound));
            if (!differences.isEmpty()) {
                return new Verdict(differences, live.size(), 0);
            }
            Map<String, List<String>> replayed = snapshot(database, projections);
            long rows = 0;
            for (String table : live.keySet()) {
                rows += live.get(table).size();
                compare(table, live.get(table), replayed.getOrDefault(table, List.of()), differences);
            }
            return new Verdict(differences, live.size(), rows);
        } catch (SQLException e) {
            return new Verdict(List.of("cannot read the database: " + e.getMessage()), 0, 0);
        }
    }

    /**
     * Polls until the audit trail matches the events and every projection has caught up, with all its segments in
     * the given process; answers what is still missing after the bound (empty: all there). Gives up early when
     * that has stayed the same for {@link #PATIENCE}: nothing is moving.
     */
    static List<String> await(DataSource database, Client admin, Homeward process, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> previous = null;
        long unchangedSince = System.nanoTime();
        while (true) {
            List<String> missing = new ArrayList<>(audit(database));
            missing.addAll(behind(database, admin, process));
            if (!missing.equals(previous)) {
                previous = missing;
                unchangedSince = System.nanoTime();
            }
            if (missing.isEmpty() || System.nanoTime() > deadline
                || System.nanoTime() - unchangedSince > PATIENCE.toNanos()) {
                return missing;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return missing;
            }
        }
    }

    /** Projections rebuilding, behind the newest event, or with a segment the process does not hold. */
    private static List<String> behind(DataSource database, Client admin, Homeward process) {
        List<String> behind = new ArrayList<>();
        List<Progress> progress = progress(admin, process.port());
        if (progress.isEmpty()) {
            return List.of(process.name + " lists no projection");
        }
        for (Progress projection : progress) {
            if (projection.rebuilding() || projection.behind() > 0) {
                behind.add(projection.projection() + ": " + (projection.rebuilding() ? "rebuilding, " : "")
                           + projection.behind() + " events behind");
            }
        }
        try (Connection c = database.getConnection();
             var query = c.prepareStatement("""
                     select processor_name, count(*) from token_entry
                     where owner is null or owner not like ? group by 1 order by 1
                     """)) {
            query.setString(1, process.pid() + "@%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    behind.add(rows.getString(1) + ": " + rows.getInt(2) + " segments not held by " + process.name);
                }
            }
        } catch (SQLException e) {
            behind.add("cannot read the tokens: " + e.getMessage());
        }
        return behind;
    }

    /** GET /api/v1/admin/projections, read without a JSON library: a list of flat objects. */
    static List<Progress> progress(Client admin, int port) {
        Client.Answer answer = admin.get(port, "/api/v1/admin/projections");
        List<Progress> progress = new ArrayList<>();
        if (answer.status() == 200) {
            Matcher entry = ENTRY.matcher(answer.body());
            while (entry.find()) {
                Client.Answer one = new Client.Answer(200, entry.group(), answer.requestId());
                progress.add(new Progress(one.field("projection"), entry.group().contains("\"rebuilding\":true"),
                                          Long.parseLong(one.field("behind"))));
            }
        }
        return progress;
    }

    /** Every row of every table of the projections, as text, in order: table -> rows. */
    private static Map<String, List<String>> snapshot(DataSource database, List<String> projections)
            throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("set transaction isolation level repeatable read");
            List<String> names = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = current_schema()"
                    + " and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                if (projections.stream().anyMatch(projection -> belongsTo(table, projection))) {
                    List<String> content = new ArrayList<>();
                    try (ResultSet rows = c.createStatement().executeQuery(
                            "select t::text from " + table + " t order by 1")) {
                        while (rows.next()) {
                            content.add(rows.getString(1));
                        }
                    }
                    tables.put(table, content);
                }
            }
            c.commit();
        }
        return tables;
    }

    /** Adds "table: N rows only live, M only replayed, e.g. ..." when the two differ as multisets of rows. */
    private static void compare(String table, List<String> live, List<String> replayed, List<String> differences) {
        Map<String, Integer> count = new HashMap<>();
        live.forEach(row -> count.merge(row, 1, Integer::sum));
        replayed.forEach(row -> count.merge(row, -1, Integer::sum));
        Map<String, Integer> differing = new LinkedHashMap<>();
        count.forEach((row, n) -> {
            if (n != 0) {
                differing.put(row, n);
            }
        });
        if (!differing.isEmpty()) {
            long onlyLive = differing.values().stream().filter(n -> n > 0).mapToLong(n -> n).sum();
            long onlyReplayed = -differing.values().stream().filter(n -> n < 0).mapToLong(n -> n).sum();
            List<String> examples = differing.entrySet().stream().limit(EXAMPLES)
                                             .map(e -> (e.getValue() > 0 ? "live " : "replayed ") + e.getKey())
                                             .toList();
            differences.add(table + ": " + onlyLive + " rows only live, " + onlyReplayed + " only replayed, e.g. "
                            + String.join("; ", examples));
        }
    }

    /** The audit trail against the event table: exactly one entry per event, at its own global index. */
    static List<String> audit(DataSource database) {
        List<String> differences = new ArrayList<>();
        try (Connection c = database.getConnection();
             ResultSet rows = c.createStatement().executeQuery("""
                     select e.global_index as stored, a.global_index as audited,
                            coalesce(e.aggregate_identifier, a.aggregate_identifier) as aggregate,
                            coalesce(e.sequence_number, a.sequence_number) as sequence
                     from domain_event_entry e full join audit_event a on a.global_index = e.global_index
                     where e.global_index is null or a.global_index is null
                        or a.event_identifier <> e.event_identifier or a.aggregate_identifier <> e.aggregate_identifier
                        or a.sequence_number <> e.sequence_number
                     order by 1, 2
                     """)) {
            int count = 0;
            List<String> examples = new ArrayList<>();
            while (rows.next()) {
                if (count++ < EXAMPLES) {
                    Long stored = (Long) rows.getObject("stored");
                    Long audited = (Long) rows.getObject("audited");
                    String where = "index " + (stored != null ? stored : audited) + " (" + rows.getString("aggregate")
                                   + " #" + rows.getLong("sequence") + ")";
                    examples.add(audited == null ? "event at " + where + " has no audit entry"
                                 : stored == null ? "audit entry at " + where + " has no event"
                                 : "audit entry at " + where + " is not that event");
                }
            }
            if (count > 0) {
                differences.add("audit_event: " + count + " differ, e.g. " + String.join("; ", examples));
            }
        } catch (SQLException e) {
            differences.add("cannot read the database: " + e.getMessage());
        }
        return differences;
    }
}
