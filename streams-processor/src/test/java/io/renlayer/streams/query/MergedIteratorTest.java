package io.renlayer.streams.query;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergedIteratorTest {

    private static final Comparator<Integer> DESCENDING = Comparator.reverseOrder();

    @Test
    void mergesSourcesEachInOrderIntoOneOrder() {
        List<Source> sources = List.of(new Source(9, 5, 1), new Source(8, 5, 2), new Source(), new Source(7));

        try (MergedIterator<Integer> merged = MergedIterator.open(sources, source -> source, DESCENDING)) {
            assertThat(merged.take(100)).containsExactly(9, 8, 7, 5, 5, 2, 1);
        }
    }

    @Test
    void holdsOneValueAheadPerSourceAndReadsNoFurtherThanTaken() {
        List<Source> sources = List.of(descending(0, 1000), descending(1, 1000), descending(2, 1000));

        try (MergedIterator<Integer> merged = MergedIterator.open(sources, source -> source, DESCENDING)) {
            assertThat(merged.take(10)).hasSize(10);

            // Ten values given, each source primed with one: ten plus three, minus what was given from the primes.
            assertThat(sources.stream().mapToInt(source -> source.read).sum()).isEqualTo(3 + 10 - 1);
        }
    }

    @Test
    void closingClosesEverySourceAlsoUnfinishedOnes() {
        List<Source> sources = List.of(descending(0, 10), new Source(), descending(1, 10));

        MergedIterator<Integer> merged = MergedIterator.open(sources, source -> source, DESCENDING);
        merged.next();
        merged.close();

        assertThat(sources).allMatch(source -> source.closed);
    }

    @Test
    void aSourceThatFailsToAnswerFailsTheMergeAtOnceAndClosesTheOthers() {
        Source failing = new Source(3);
        failing.failure = QueryException.unavailable("peer down");
        List<Source> sources = List.of(new Source(5), failing, new Source(4));

        assertThatThrownBy(() -> MergedIterator.open(sources, source -> source, DESCENDING))
                .isInstanceOf(QueryException.class).hasMessageContaining("peer down");
        assertThat(sources).allMatch(source -> source.closed);
    }

    @Test
    void aSourceThatCannotBeOpenedClosesThoseAlreadyOpen() {
        List<Source> opened = new ArrayList<>();

        assertThatThrownBy(() -> MergedIterator.open(List.of(1, 2, 3), n -> {
            if (n == 3) {
                throw QueryException.unavailable("no store");
            }
            Source source = new Source(n);
            opened.add(source);
            return source;
        }, DESCENDING)).isInstanceOf(QueryException.class);
        assertThat(opened).hasSize(2).allMatch(source -> source.closed);
    }

    /** {@code count} numbers, descending, all {@code offset} modulo 3: three such sources interleave. */
    private static Source descending(int offset, int count) {
        return new Source(IntStream.range(0, count).map(i -> (count - i) * 3 + offset).boxed().toArray(Integer[]::new));
    }

    /** Values in order, counting how many were read, failing on the first read if told to. */
    private static final class Source extends CloseableIterator<Integer> {

        private final List<Integer> values;
        private int read;
        private boolean closed;
        private RuntimeException failure;

        Source(Integer... values) {
            this.values = List.of(values);
        }

        @Override
        protected Integer computeNext() {
            if (failure != null) {
                throw failure;
            }
            return read < values.size() ? values.get(read++) : null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
