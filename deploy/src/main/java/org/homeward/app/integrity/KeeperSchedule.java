package org.homeward.app.integrity;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.homeward.app.HomewardSettings;
import org.homeward.app.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link ChainKeeper} on its own thread, every {@code homeward.integrity.keeper-interval}, in every
 * process and role unless {@code homeward.integrity.keeper-enabled} is false. Own thread rather than
 * {@code @Scheduled}, so the chain never waits behind other scheduled work and no global scheduling is switched on.
 */
@Component
@ConditionalOnProperty(name = "homeward.integrity.keeper-enabled", havingValue = "true")
class KeeperSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeeperSchedule.class);

    private final ChainKeeper keeper;
    private final Duration interval;
    private volatile ScheduledExecutorService thread;

    KeeperSchedule(ChainKeeper keeper, HomewardSettings settings) {
        this.keeper = keeper;
        this.interval = settings.integrity().keeperInterval();
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread keeperThread = new Thread(task, "integrity-keeper");
            keeperThread.setDaemon(true);
            return keeperThread;
        });
        thread.scheduleWithFixedDelay(this::catchUp, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = thread;
        thread = null;
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(30, TimeUnit.SECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void catchUp() {
        try {
            keeper.catchUp(this::isRunning);
        } catch (RuntimeException e) {
            // a failed batch rolls back whole; the next round starts again from the stored head
            DatabaseUnavailable.logFailedRound(log, "Extending the integrity chain", e);
        }
    }
}
