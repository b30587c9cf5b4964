package io.renlayer.ops.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last requests the mock received, in a ring written without a lock: benchmarks hammer the mock from
 * many threads, and recording must not make them queue behind one another.
 */
final class RequestLog {

    /** The sequence number tells a reader whether the slot still holds the request it is looking for. */
    private record Entry(long sequence, ReceivedRequest request) {
    }

    private final AtomicReferenceArray<Entry> ring;
    private final AtomicLong written = new AtomicLong();
    private volatile long clearedAt;

    RequestLog(int capacity) {
        ring = new AtomicReferenceArray<>(capacity);
    }

    /** Records a request and returns its sequence number, unique for the life of the log. */
    long add(ReceivedRequest request) {
        long sequence = written.getAndIncrement();
        ring.set(slot(sequence), new Entry(sequence, request));
        return sequence;
    }

    /**
     * The requests kept since the last clear, oldest first. A request whose recording is still under way on
     * another thread is left out rather than waited for: its sender has not had an answer yet.
     */
    List<ReceivedRequest> snapshot() {
        long end = written.get();
        long start = Math.max(clearedAt, end - ring.length());
        List<ReceivedRequest> requests = new ArrayList<>((int) (end - start));
        for (long sequence = start; sequence < end; sequence++) {
            Entry entry = ring.get(slot(sequence));
            if (entry != null && entry.sequence() == sequence) {
                requests.add(entry.request());
            }
        }
        return List.copyOf(requests);
    }

    /** How many requests arrived since the last clear, including those the ring no longer holds. */
    int count() {
        return (int) (written.get() - clearedAt);
    }

    void clear() {
        clearedAt = written.get();
    }

    private int slot(long sequence) {
        return (int) (sequence % ring.length());
    }
}
