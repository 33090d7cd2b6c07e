package org.homeward.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs the same step on a number of clients at once, each one step after another, first to warm up and then to
 * measure: how many steps were done per second, and how long each took.
 */
final class Load {

    /** One client's loop body; each client gets its own, so clients share no state. */
    interface Step {

        /** @return what this step measured, in nanoseconds: usually how long it took */
        long run() throws Exception;
    }

    /** A step measured by how long it takes. */
    interface TimedStep {
        void run() throws Exception;
    }

    static Step timed(TimedStep step) {
        return () -> {
            long before = System.nanoTime();
            step.run();
            return System.nanoTime() - before;
        };
    }

    /** Steps per second and latency percentiles in milliseconds. */
    record Result(long steps, double perSecond, double p50, double p95, double p99) {

        static Result of(long[] nanos, Duration elapsed) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Result(sorted.length, sorted.length / (elapsed.toNanos() / 1e9), percentile(sorted, 50),
                              percentile(sorted, 95), percentile(sorted, 99));
        }

        /** Nearest rank, in milliseconds; 0 with nothing measured. */
        static double percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    private Load() {
    }

    static Result run(int clients, Duration warmUp, Duration measure, IntFunction<Step> client) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long end = measureFrom + measure.toNanos();
            List<Future<long[]>> timings = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Step step = client.apply(c);
                timings.add(threads.submit(() -> loop(step, measureFrom, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> timing : timings) {
                all.add(timing.get());
            }
            long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
            return Result.of(nanos, measure);
        } finally {
            threads.shutdownNow();
        }
    }

    private static long[] loop(Step step, long measureFrom, long end) throws Exception {
        long[] nanos = new long[1024];
        int count = 0;
        while (true) {
            long before = System.nanoTime();
            if (before >= end) {
                return Arrays.copyOf(nanos, count);
            }
            long measured = step.run();
            // a step counts when it started in the measured window; the one still running at its end too
            if (before >= measureFrom) {
                if (count == nanos.length) {
                    nanos = Arrays.copyOf(nanos, count * 2);
                }
                nanos[count++] = measured;
            }
        }
    }
}
