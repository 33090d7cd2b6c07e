package org.homeward.app.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database part of readiness, answered within {@link #ANSWER_WITHIN} whatever the database does. Spring's own
 * check waits for a pooled connection as long as a request would (Hikari's connection timeout), so while the
 * database is away a probe got no answer at all, which orchestrators read as less than DOWN. One check runs at a
 * time; a probe that comes while it runs waits for that one, so probes cannot pile up connections.
 */
@Component("dbHealthIndicator") // the name Spring's own check would take, so this one replaces it
class DatabaseReadiness implements HealthIndicator {

    static final Duration ANSWER_WITHIN = Duration.ofMillis(800);
    private static final int VALID_WITHIN_SECONDS = 1;

    private final DataSource dataSource;
    private CompletableFuture<Health> running = CompletableFuture.completedFuture(Health.unknown().build());

    DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try {
            return check().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            return Health.down().withDetail("reason", "the database did not answer within "
                                                      + ANSWER_WITHIN.toMillis() + " ms").build();
        } catch (ExecutionException | InterruptedException e) {
            return Health.down().withDetail("reason", "the database could not be checked").build();
        }
    }

    private synchronized CompletableFuture<Health> check() {
        if (running.isDone()) {
            running = CompletableFuture.supplyAsync(this::ask, runnable -> {
                Thread thread = new Thread(runnable, "database-readiness");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return running;
    }

    private Health ask() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS) ? Health.up().build()
                    : Health.down().withDetail("reason", "the database did not answer").build();
        } catch (Exception e) {
            // the reason only: the driver's message may name the server
            return Health.down().withDetail("reason", DatabaseUnavailable.causedIt(e)
                    ? "the database is unreachable" : "the database refused the check").build();
        }
    }
}
