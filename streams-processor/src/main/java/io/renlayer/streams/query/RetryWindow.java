package io.renlayer.streams.query;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a query while it is unavailable (503: metadata not settled, a store moving, a peer not answering), with
 * a growing pause, for a bounded time; then the last 503 stands. A rebalance usually settles well within it.
 */
final class RetryWindow {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final Duration budget;

    RetryWindow(Duration budget) {
        this.budget = budget;
    }

    <T> T call(Supplier<T> attempt) {
        long deadline = System.nanoTime() + budget.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return attempt.get();
            } catch (QueryException e) {
                long left = deadline - System.nanoTime();
                if (!e.retryable() || left <= 0) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
