package org.homeward.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the figures were measured on: the machine, the Java runtime and the PostgreSQL server and its settings. */
final class Machine {

    private static final List<String> SETTINGS = List.of("synchronous_commit", "fsync", "wal_level",
                                                         "shared_buffers", "max_connections", "wal_sync_method");

    private Machine() {
    }

    static String describe(JdbcTemplate jdbc) {
        StringBuilder text = new StringBuilder();
        text.append("- machine: %d cores, %s memory, %s\n".formatted(Runtime.getRuntime().availableProcessors(),
                                                                     memory(), System.getProperty("os.name") + " "
                                                                               + System.getProperty("os.arch")));
        text.append("- Java: %s %s, max heap %d MB\n".formatted(System.getProperty("java.vm.name"),
                                                               System.getProperty("java.version"),
                                                               Runtime.getRuntime().maxMemory() >> 20));
        text.append("- PostgreSQL: %s\n".formatted(jdbc.queryForObject("show server_version", String.class)));
        text.append("- settings:");
        for (String setting : SETTINGS) {
            text.append(" %s=%s".formatted(setting, jdbc.queryForObject("show " + setting, String.class)));
        }
        return text.append('\n').toString();
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                        .filter(line -> line.startsWith("MemTotal:"))
                        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / (1024 * 1024) + " GiB")
                        .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
