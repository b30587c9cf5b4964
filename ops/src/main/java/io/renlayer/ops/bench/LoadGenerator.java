package io.renlayer.ops.bench;

import io.renlayer.ops.bench.LatencyRecorder.Percentiles;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link HttpTarget} two ways. {@link #fixedRate}: open loop, requests due at fixed slots on the
 * clock whatever happened to earlier ones, latency measured from the slot — a slow response cannot hold
 * back the next sends and hide its own cost (coordinated omission). {@link #closedLoop}: a few clients
 * sending back to back, for the most requests per second the machine gets through.
 */
final class LoadGenerator implements AutoCloseable {

    /** Platform threads: each blocks on its connection, and an idle one takes the next send at once. */
    private final ExecutorService senders =
            Executors.newCachedThreadPool(Thread.ofPlatform().name("bench-sender-", 0).daemon(true).factory());

    LoadResult fixedRate(HttpTarget target, int perSecond, Duration duration) throws InterruptedException {
        long period = 1_000_000_000L / perSecond;
        int total = (int) (duration.toNanos() / period);
        LatencyRecorder latency = new LatencyRecorder();
        LatencyRecorder service = new LatencyRecorder();
        LatencyRecorder lag = new LatencyRecorder();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + period;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            senders.execute(() -> {
                long sent = System.nanoTime();
                lag.record(sent - due);
                if (sendOnce(target, failed)) {
                    long end = System.nanoTime();
                    latency.record(end - due);
                    service.record(end - sent);
                }
                done.countDown();
            });
        }
        if (!done.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(target.name() + ": responses still missing 2 minutes after the last send");
        }
        long elapsed = System.nanoTime() - start;
        return new LoadResult(target.name(), latency.percentiles(), service.percentiles(), lag.percentiles(),
                latency.count(), failed.get(), elapsed);
    }

    static LoadResult closedLoop(HttpTarget target, int clients, Duration duration) throws InterruptedException {
        LatencyRecorder latency = new LatencyRecorder();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + i).daemon(true).start(() -> {
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    if (sendOnce(target, failed)) {
                        latency.record(System.nanoTime() - sent);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        Percentiles measured = latency.percentiles();
        return new LoadResult(target.name(), measured, measured, Percentiles.NONE, latency.count(), failed.get(),
                elapsed);
    }

    /** @return true on a 200; anything else is counted as failed (and its latency not mixed into the figures) */
    private static boolean sendOnce(HttpTarget target, AtomicInteger failed) {
        try {
            if (target.send() == 200) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // counted below; the run's report shows how many
        }
        failed.incrementAndGet();
        return false;
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
