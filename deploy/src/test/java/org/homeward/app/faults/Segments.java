package org.homeward.app.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Who holds the segments of the streaming processors, read from Axon's token table. */
final class Segments {

    private Segments() {
    }

    /** Axon names a segment's owner by the JVM's name, "pid@host": the prefix of the process's owner names. */
    static String owner(Homeward process) {
        return process.pid() + "@";
    }

    /** Segments the process holds, of all processors. */
    static int held(DataSource database, Homeward process) throws Exception {
        return owners(database).values().stream().flatMap(byOwner -> byOwner.entrySet().stream())
                               .filter(e -> e.getKey().startsWith(owner(process)))
                               .mapToInt(Map.Entry::getValue).sum();
    }

    /** processor -> owner -> segments held */
    static Map<String, Map<String, Integer>> owners(DataSource database) throws Exception {
        Map<String, Map<String, Integer>> owners = new java.util.TreeMap<>();
        try (Connection c = database.getConnection();
             ResultSet rows = c.createStatement().executeQuery(
                     "select processor_name, coalesce(owner, 'none') as owner, count(*) from token_entry"
                     + " group by 1, 2")) {
            while (rows.next()) {
                owners.computeIfAbsent(rows.getString(1), p -> new java.util.TreeMap<>())
                      .put(rows.getString(2), rows.getInt(3));
            }
        }
        return owners;
    }

    /** Milliseconds until survivors own every segment of every streaming processor; -1 if not by the bound. */
    static long takeover(DataSource database, List<String> survivors, Duration bound) throws Exception {
        // a segment of a dead process, or of nobody, is one nobody works on
        long start = System.nanoTime();
        while (System.nanoTime() - start < bound.toNanos()) {
            boolean all = owners(database).values().stream()
                                          .flatMap(byOwner -> byOwner.keySet().stream())
                                          .allMatch(o -> survivors.stream().anyMatch(o::startsWith));
            if (all) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(200);
        }
        return -1;
    }
}
