package io.renlayer.streams.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A k-way merge of sources each already in {@code order} (one instance's or one partition's answer): memory holds
 * one look-ahead value per source, whatever the size of the result. A source is advanced only when its value has
 * been taken and the next one is asked for, so a page or an abandoned export reads no further than it needs.
 * <p>
 * Every source is read once on construction: a source that fails (a peer that does not answer) fails the merge
 * before anything is returned, never later as a silently shorter result. Closing closes every source.
 */
final class MergedIterator<T> extends CloseableIterator<T> {

    private record Head<T>(T value, CloseableIterator<T> source) {
    }

    private final List<CloseableIterator<T>> sources;
    private final PriorityQueue<Head<T>> heads;
    /** The source whose value was returned last, advanced on the next call. */
    private CloseableIterator<T> taken;

    private MergedIterator(List<CloseableIterator<T>> sources, Comparator<? super T> order) {
        this.sources = sources;
        this.heads = new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> order.compare(a.value, b.value));
        try {
            sources.forEach(this::advance);
        } catch (RuntimeException e) {
            closeQuietly(sources, e);
            throw e;
        }
    }

    /**
     * Opens one source per element of {@code from} and merges them. Sources that start work as they are opened (a
     * peer's request) therefore all run at once; if one cannot be opened, those already open are closed.
     */
    static <S, T> MergedIterator<T> open(List<S> from, Function<S, CloseableIterator<T>> opener,
                                         Comparator<? super T> order) {
        List<CloseableIterator<T>> sources = new ArrayList<>(from.size());
        try {
            for (S each : from) {
                sources.add(opener.apply(each));
            }
        } catch (RuntimeException e) {
            closeQuietly(sources, e);
            throw e;
        }
        return new MergedIterator<>(sources, order);
    }

    @Override
    protected T computeNext() {
        if (taken != null) {
            CloseableIterator<T> source = taken;
            taken = null;
            advance(source);
        }
        Head<T> head = heads.poll();
        if (head == null) {
            return null;
        }
        taken = head.source;
        return head.value;
    }

    @Override
    public void close() {
        closeAll(sources);
    }

    private void advance(CloseableIterator<T> source) {
        if (source.hasNext()) {
            heads.add(new Head<>(source.next(), source));
        }
    }

    private static void closeQuietly(List<? extends CloseableIterator<?>> sources, RuntimeException failure) {
        try {
            closeAll(sources);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
