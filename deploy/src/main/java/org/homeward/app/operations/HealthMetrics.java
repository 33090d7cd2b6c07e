package org.homeward.app.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.homeward.app.HomewardSettings;
import org.homeward.app.database.EmbeddedServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the alert rules in {@code deploy/monitoring} watch beyond the projections: whether the database answers,
 * how far the hash chain trails the store, and how full the embedded database's disk is. Read when scraped.
 */
@Component
class HealthMetrics implements MeterBinder {

    private final HealthIndicator database;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<EmbeddedServer> embedded;
    private final HomewardSettings settings;

    HealthMetrics(@Qualifier("dbHealthIndicator") HealthIndicator database, JdbcTemplate jdbc,
                  ObjectProvider<EmbeddedServer> embedded, HomewardSettings settings) {
        this.database = database;
        this.jdbc = jdbc;
        this.embedded = embedded;
        this.settings = settings;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("homeward.database.up", () -> Status.UP.equals(database.health().getStatus()) ? 1 : 0)
             .description("1 while the database answers within a second, as the readiness probe asks it")
             .register(meters);
        Gauge.builder("homeward.chain.trailing", this::unchained)
             .description("events stored but not yet in the hash chain (it trails by the settle time by design)")
             .register(meters);
        if (embedded.getIfAvailable() != null) {
            Gauge.builder("homeward.embedded.database.disk.used", () -> diskUsed(
                         settings.embeddedDatabase().directory().toAbsolutePath()))
                 .description("share of the embedded database's disk in use, 0 to 1").register(meters);
        }
    }

    /** NaN while the database is away: the gauge is left out of the scrape rather than reporting a guess. */
    private double unchained() {
        try {
            Long behind = jdbc.queryForObject("""
                    select coalesce((select max(global_index) from domain_event_entry), 0) - global_index
                    from integrity_chain_head where id = 1""", Long.class);
            return behind == null ? Double.NaN : Math.max(0, behind);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double diskUsed(Path directory) {
        try {
            FileStore store = Files.getFileStore(directory);
            return 1 - (double) store.getUsableSpace() / store.getTotalSpace();
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
