package org.homeward.app.faults;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault suite (deploy/faults/run.sh, docs/faults.md): real Homeward processes on a private PostgreSQL
 * cluster, under load, through crashes and outages. One line per scenario, then "N passed, M failed".
 *
 * <pre>
 *   FaultSuite [--short] [--only name,name] [--jar deploy/target/homeward.jar] [--keep]
 * </pre>
 */
public final class FaultSuite {

    interface Scenario {
        Outcome run(Scenarios scenarios) throws Exception;
    }

    /** Every scenario by name, in the order they run. */
    static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        ALL.put("concurrent-writers", Scenarios::concurrentWriters);
        ALL.put("app-kill-9", Scenarios::applicationKilled);
        ALL.put("pg-kill-9", Scenarios::databaseKilled);
        ALL.put("pg-stop-fast", s -> s.databaseStopped("fast"));
        ALL.put("pg-stop-immediate", s -> s.databaseStopped("immediate"));
        ALL.put("scaled-out", Scenarios::scaledOut);
        ALL.put("embedded-kill-9", Scenarios::embeddedDatabase);
        ALL.put("slow-clients", Scenarios::slowClients);
        ALL.put("late-commits", Scenarios::lateCommits);
        ALL.put("rebuild-during-writes", Scenarios::rebuildDuringWrites);
    }

    /** What --short runs: the cheapest proofs of the gravest defects, within about a minute. */
    static final List<String> SHORT = List.of("concurrent-writers", "late-commits");

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out) == 0 ? 0 : 1);
    }

    /** Runs the suite; answers how many scenarios failed. */
    public static int run(String[] args, PrintStream out) throws Exception {
        List<String> arguments = Arrays.asList(args);
        boolean quick = arguments.contains("--short");
        List<String> names = quick ? SHORT : new ArrayList<>(ALL.keySet());
        int only = arguments.indexOf("--only");
        if (only >= 0) {
            names = List.of(arguments.get(only + 1).split(","));
        }
        Path work = Files.createTempDirectory("homeward-faults-");
        Homeward.useJarOf(arguments, work);
        out.println("fault suite: " + names + " in " + work);
        int passed = 0;
        int failed = 0;
        try (Cluster cluster = Cluster.create(work, "postgres")) {
            Scenarios.Tokens tokens = new Scenarios.Tokens(
                    Homeward.token(work, "sv-faults", "SUPERVISOR", Load.ORGANISATION),
                    Homeward.token(work, "admin-faults", "ADMINISTRATOR", Load.ORGANISATION),
                    Homeward.token(work, "sv-elsewhere", "SUPERVISOR", Load.ELSEWHERE));
            Scenarios scenarios = new Scenarios(work, cluster, tokens, quick);
            for (String name : names) {
                Scenario scenario = ALL.get(name);
                if (scenario == null) {
                    throw new IllegalArgumentException("no scenario " + name + "; there are " + ALL.keySet());
                }
                long started = System.nanoTime();
                Outcome outcome;
                try {
                    outcome = scenario.run(scenarios);
                } catch (Exception e) {
                    outcome = new Outcome(name);
                    outcome.expect(false, "could not run: " + Homeward.reason(String.valueOf(e.getMessage())));
                }
                outcome.figure("seconds", (System.nanoTime() - started) / 1_000_000_000);
                out.println(outcome.line());
                out.flush();
                if (outcome.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        if (failed == 0 && !arguments.contains("--keep")) {
            delete(work);
        } else {
            out.println("logs kept in " + work);
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed;
    }

    private static void delete(Path work) throws Exception {
        Cluster.run(List.of("rm", "-rf", work.toString()));
    }
}
