package org.homeward.command;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two processes that decide on the same journey at once both try to append its next event; the store lets one
 * win and the other fails with a {@link ConcurrencyException}. The loser's command is sent again after a short
 * random pause, and decides afresh on the journey as it now stands. Nothing else is retried: a broken rule or a
 * stale {@code If-Match} stays the client's answer.
 */
class RetryOnConcurrentAppend implements RetryScheduler {

    private final int maxRetries;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });

    RetryOnConcurrentAppend(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries || !causedByConcurrentAppend(lastFailure)) {
            return false;
        }
        long pauseMillis = ThreadLocalRandom.current().nextLong(1, 5L * failures.size() + 2);
        scheduler.schedule(commandDispatch, pauseMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean causedByConcurrentAppend(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
