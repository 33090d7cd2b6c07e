package org.homeward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns the tables its migrations create, and only its own code names them; and each module's new
 * migrations take versions from its own band, so that migrations added on two sides never collide. Read from the
 * sources of all three modules, beside this one.
 */
class TableOwnershipTest {

    private static final List<String> MODULES = List.of("command", "query", "deploy");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    /**
     * Axon's tables: every side reads the event log, which only Axon writes, and a side may reset the tokens of
     * its own projections.
     */
    private static final Set<String> AXON = Set.of("domain_event_entry", "token_entry");
    /** Versions up to this were applied as one interleaved sequence and stay as they are. */
    private static final int LAST_SHARED_VERSION = 15;
    private static final Map<String, int[]> BANDS = Map.of("deploy", new int[] {1000, 1999},
                                                           "command", new int[] {2000, 2999},
                                                           "query", new int[] {3000, 3999});

    @Test
    void noModuleNamesATableAnotherModuleCreates() {
        Map<String, String> owners = new HashMap<>();
        for (String module : MODULES) {
            for (Path migration : migrations(module)) {
                Matcher created = CREATE_TABLE.matcher(read(migration));
                while (created.find()) {
                    owners.put(created.group(1).toLowerCase(Locale.ROOT), module);
                }
            }
        }
        assertThat(owners).containsKeys("journey_directory", "timeline_journey", "person_key", "audit_denial");

        List<String> trespasses = new ArrayList<>();
        for (String module : MODULES) {
            for (Path source : sources(module)) {
                String text = read(source).toLowerCase(Locale.ROOT);
                owners.forEach((table, owner) -> {
                    if (!owner.equals(module) && !AXON.contains(table)
                        && Pattern.compile("\\b" + table + "\\b").matcher(text).find()) {
                        trespasses.add(module + " names " + table + " (created by " + owner + ") in " + source);
                    }
                });
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void newMigrationsTakeTheirModulesVersionBand() {
        List<String> outOfBand = new ArrayList<>();
        for (String module : MODULES) {
            int[] band = BANDS.get(module);
            for (Path migration : migrations(module)) {
                Matcher version = VERSION.matcher(migration.getFileName().toString());
                assertThat(version.matches()).as(migration.toString()).isTrue();
                int number = Integer.parseInt(version.group(1));
                if (number > LAST_SHARED_VERSION && (number < band[0] || number > band[1])) {
                    outOfBand.add(migration + ": " + module + " takes versions " + band[0] + " to " + band[1]);
                }
            }
        }
        assertThat(outOfBand).isEmpty();
    }

    private static List<Path> migrations(String module) {
        return files(Path.of("..", module, "src", "main", "resources", "db", "migration"), ".sql");
    }

    private static List<Path> sources(String module) {
        List<Path> all = new ArrayList<>(files(Path.of("..", module, "src", "main", "java"), ".java"));
        all.addAll(migrations(module));
        return all;
    }

    private static List<Path> files(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
