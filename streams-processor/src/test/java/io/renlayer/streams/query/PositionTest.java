package io.renlayer.streams.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionTest {

    @Test
    void newestFirstAndEqualTimesByIdAscendingAsTheStoreKeysAre() {
        List<Position> positions = new ArrayList<>(List.of(new Position(10, "trace_B"), new Position(20, "trace_Z"),
                new Position(10, "trace_A"), new Position(5, "trace_A")));

        positions.sort(Position.ORDER);

        assertThat(positions).containsExactly(new Position(20, "trace_Z"), new Position(10, "trace_A"),
                new Position(10, "trace_B"), new Position(5, "trace_A"));
        assertThat(new Position(10, "trace_B").isAfter(new Position(10, "trace_A"))).isTrue();
        assertThat(new Position(10, "trace_A").isAfter(new Position(10, "trace_A"))).isFalse();
        assertThat(new Position(11, "trace_Z").isAfter(new Position(10, "trace_A"))).isFalse();
    }

    @Test
    void textFormRoundTripsIdsContainingTheSeparator() {
        Position session = new Position(1_763_892_000_123_456L, "ticket:4711/a@b");

        assertThat(Position.parse(session.encode())).isEqualTo(session);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "12", ":trace_A", "12:", "-5:trace_A", "1e3:trace_A", "99999999999999999999:a"})
    void anythingElseIsAnInvalidCursor(String text) {
        assertThatThrownBy(() -> Position.parse(text)).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().code()).isEqualTo("invalid_cursor");
        });
    }
}
