package io.renlayer.streams.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * An iterator over something that must be released — a store scan (a RocksDB iterator), a peer's HTTP stream — read
 * lazily, one value at a time, so that a result of any size is never held whole. Values are never null.
 */
public abstract class CloseableIterator<T> implements Iterator<T>, AutoCloseable {

    private T next;

    /** The next value, or null at the end. */
    protected abstract T computeNext();

    /** Releases what is being read; the iterator may be left unfinished. */
    @Override
    public abstract void close();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = computeNext();
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T value = next;
        next = null;
        return value;
    }

    /** Up to {@code count} values (fewer at the end); the iterator stays open. */
    public final List<T> take(int count) {
        List<T> values = new ArrayList<>(Math.min(count, 1024));
        while (values.size() < count && hasNext()) {
            values.add(next());
        }
        return values;
    }

    public final CloseableIterator<T> filter(Predicate<? super T> keep) {
        CloseableIterator<T> source = this;
        return new CloseableIterator<>() {
            @Override
            protected T computeNext() {
                while (source.hasNext()) {
                    T value = source.next();
                    if (keep.test(value)) {
                        return value;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /** The first {@code count} values; reading stops there, without looking ahead in the source. */
    public final CloseableIterator<T> limit(int count) {
        CloseableIterator<T> source = this;
        return new CloseableIterator<>() {
            private int left = count;

            @Override
            protected T computeNext() {
                if (left <= 0 || !source.hasNext()) {
                    return null;
                }
                left--;
                return source.next();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /** Values already in memory: nothing to release. */
    public static <T> CloseableIterator<T> of(List<T> values) {
        Iterator<T> iterator = values.iterator();
        return new CloseableIterator<>() {
            @Override
            protected T computeNext() {
                return iterator.hasNext() ? iterator.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Closes each, attempting all of them: one failing to close must not leave the others open. */
    static void closeAll(List<? extends CloseableIterator<?>> iterators) {
        RuntimeException first = null;
        for (CloseableIterator<?> iterator : iterators) {
            try {
                iterator.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
