package org.homeward.app.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes this process's event store when another process appends (V1006: every append notifies
 * {@code homeward_new_events} when it commits), so that its projections apply the events within milliseconds
 * instead of at the store's next poll, which stays as the fallback. One connection of the pool is kept for
 * listening; when it breaks (the database restarting) the listener takes another after a pause, and wakes the
 * store once in case it missed something meanwhile. Only processes that run projections listen.
 */
@Component
@ConditionalOnExpression("'${homeward.role}' matches 'all|query'")
class NewEventsListener implements SmartLifecycle {

    static final String CHANNEL = "homeward_new_events";
    private static final Logger log = LoggerFactory.getLogger(NewEventsListener.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final WakeableEventStore events;
    private volatile Thread thread;

    NewEventsListener(DataSource dataSource, WakeableEventStore events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Override
    public void start() {
        thread = new Thread(this::listen, "new-events-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread listening = thread;
        thread = null;
        if (listening != null) {
            listening.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void listen() {
        while (thread == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                events.wake();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (thread == Thread.currentThread()) {
                    if (notifications.getNotifications(WAIT_MILLIS).length > 0) {
                        events.wake();
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                DatabaseUnavailable.logFailedRound(log, "Listening for new events", failure);
                try {
                    Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
