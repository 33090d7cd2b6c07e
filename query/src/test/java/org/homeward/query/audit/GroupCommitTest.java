package org.homeward.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Callers who arrive while a commit runs are committed together in the next one, each returns only after its own
 * entry's commit, and a failed commit fails exactly the callers whose entries it held.
 */
class GroupCommitTest {

    /** Each commit, as the entries it held; the first one held back until released. */
    private final List<List<Integer>> commits = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstCommitStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void callersArrivingDuringACommitShareTheNext() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>(this::heldBackFirst, 100);

        tenArriveWhileTheFirstCommits(group);

        assertThat(commits).hasSize(2);
        assertThat(commits.get(0)).containsExactly(0);
        assertThat(commits.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void moreWaitingThanOneCommitTakesGoInSeveral() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>(this::heldBackFirst, 4);

        tenArriveWhileTheFirstCommits(group);

        assertThat(commits).hasSize(4).allSatisfy(commit -> assertThat(commit).hasSizeLessThanOrEqualTo(4));
        assertThat(commits.stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
                                                                                   10);
    }

    @Test
    void aFailedCommitFailsTheCallersItHeldAndOnlyThem() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>(entries -> {
            if (entries.contains(2)) {
                throw new IllegalStateException("the database is gone");
            }
            heldBackFirst(entries);
        }, 100);
        CompletableFuture<Void> first = inThread(() -> group.write(1));
        firstCommitStarted.await();
        CompletableFuture<Void> second = inThread(() -> group.write(2));
        CompletableFuture<Void> third = inThread(() -> group.write(3));
        awaitWaiting(group, 2);

        release.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                                                                  .hasMessageContaining("the database is gone");
        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                                                                 .hasMessageContaining("the database is gone");
        // the next caller commits as usual
        group.write(4);
        assertThat(commits).containsExactly(List.of(1), List.of(4));
    }

    /**
     * Entry 0 starts a commit that is held back; entries 1 to 10 arrive meanwhile and must all still be waiting;
     * then the commit is let go and every caller returns.
     */
    private void tenArriveWhileTheFirstCommits(GroupCommit<Integer> group) throws Exception {
        CompletableFuture<Void> first = inThread(() -> group.write(0));
        firstCommitStarted.await();
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int entry = i;
            others.add(inThread(() -> group.write(entry)));
        }
        awaitWaiting(group, 10);
        assertThat(first).isNotDone();
        assertThat(others).noneMatch(CompletableFuture::isDone);

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Void> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
    }

    private void heldBackFirst(List<Integer> entries) {
        if (firstCommitStarted.getCount() > 0) {
            firstCommitStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        commits.add(List.copyOf(entries));
    }

    /** Waits until this many callers wait for a commit. */
    static void awaitWaiting(GroupCommit<?> group, int waiting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.waiting() != waiting) {
            assertThat(System.nanoTime()).as("callers waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Each caller its own thread: the common pool may have only one on a small machine. */
    static CompletableFuture<Void> inThread(Runnable caller) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        new Thread(() -> {
            try {
                caller.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }).start();
        return done;
    }
}
