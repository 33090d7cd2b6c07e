package org.homeward.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Commits what concurrent callers write together, one transaction (one fsync) for all who arrived while the
 * previous commit ran, and returns to each caller only once its own entry is committed — or throws what the commit
 * threw. No thread of its own: the first caller to find no commit running commits for everyone waiting (leader and
 * followers, as PostgreSQL's own WAL flushes work). One caller alone commits at once, as before.
 */
final class GroupCommit<T> {

    /** An entry and, once its commit is over, how it went. */
    private static final class Pending<T> {
        final T entry;
        boolean done;
        RuntimeException failure;

        Pending(T entry) {
            this.entry = entry;
        }
    }

    private final Consumer<List<T>> commit;
    private final int most;
    private final Object lock = new Object();
    private List<Pending<T>> waiting = new ArrayList<>();
    private boolean committing;

    /**
     * @param commit writes all the entries in one transaction and commits it, or throws
     * @param most   entries in one commit at most; the rest go in the next
     */
    GroupCommit(Consumer<List<T>> commit, int most) {
        this.commit = commit;
        this.most = most;
    }

    /** Returns once the entry is committed; throws, with nothing of it committed, if its commit failed. */
    void write(T entry) {
        Pending<T> mine = new Pending<>(entry);
        synchronized (lock) {
            waiting.add(mine);
        }
        while (true) {
            List<Pending<T>> batch;
            synchronized (lock) {
                while (!mine.done && committing) {
                    awaitTurn();
                }
                if (mine.done) {
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return;
                }
                committing = true;
                batch = take();
            }
            // outside the lock: callers arriving meanwhile queue up for the next commit
            RuntimeException failure = null;
            try {
                commit.accept(batch.stream().map(pending -> pending.entry).toList());
            } catch (Throwable e) {
                failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            synchronized (lock) {
                for (Pending<T> pending : batch) {
                    pending.done = true;
                    pending.failure = failure;
                }
                committing = false;
                lock.notifyAll();
            }
            // this caller's entry may not have fitted into the commit it led: then it goes round again
        }
    }

    /** Entries waiting now, for tests that hold a commit back. */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private List<Pending<T>> take() {
        int count = Math.min(most, waiting.size());
        List<Pending<T>> batch = new ArrayList<>(waiting.subList(0, count));
        waiting = new ArrayList<>(waiting.subList(count, waiting.size()));
        return batch;
    }

    private void awaitTurn() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while its read audit entry was being committed", e);
        }
    }
}
