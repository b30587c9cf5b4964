package io.renlayer.streams.query;

import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.streams.webhooks.DeliveryKeys;
import io.renlayer.streams.traces.TraceKeys;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * Where an item stands in a newest-first walk: its time (µs, the precision of the store keys) and its id. Traces
 * stand at (received_at, trace_id), sessions at (first_seen, session_id): times that do not change once written, so
 * an item keeps its place while a walk goes on.
 * <p>
 * A page ends at the position of its last item, and the next page takes what stands strictly after it. Items
 * written meanwhile stand before the walk's first position (they are newer), so they never show up in later pages,
 * and nothing already returned comes again. The one exception: a trace written long after it was received (its
 * completion came late, or never and it timed out) stands where the walk may already have gone past.
 */
record Position(long micros, String id) {

    /** Newest first; equal times by id, ascending: the order of the keys of the {@code traces} store. */
    static final Comparator<Position> ORDER =
            Comparator.comparingLong(Position::micros).reversed().thenComparing(Position::id);
    static final Comparator<Trace> TRACES = Comparator.comparing(Position::of, ORDER);
    static final Comparator<SessionSummary> SESSIONS = Comparator.comparing(Position::of, ORDER);
    static final Comparator<DeliveryAttempt> DELIVERIES = Comparator.comparing(Position::of, ORDER);

    private static final char SEPARATOR = ':';

    static Position of(Trace trace) {
        return new Position(TraceKeys.micros(trace.receivedAt()), trace.traceId());
    }

    static Position of(SessionSummary session) {
        return new Position(TraceKeys.micros(session.firstSeen()), session.sessionId());
    }

    /**
     * Attempts stand at (attempted_at, {@code <event id>|<attempt, 4 digits>}), the time in whole milliseconds: the
     * order of the deliveries store's keys.
     */
    static Position of(DeliveryAttempt attempt) {
        return new Position(attempt.attemptedAt().toEpochMilli() * 1000, DeliveryKeys.attemptId(attempt));
    }

    /** Whether this position comes strictly after {@code other} in a walk. */
    boolean isAfter(Position other) {
        return ORDER.compare(this, other) > 0;
    }

    Instant instant() {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The text form, {@code <µs since the epoch>:<id>}; ids may contain the separator, times do not. */
    String encode() {
        return Long.toString(micros) + SEPARATOR + id;
    }

    static Position parse(String text) {
        int separator = text.indexOf(SEPARATOR);
        if (separator < 1 || separator == text.length() - 1) {
            throw QueryException.invalidCursor();
        }
        try {
            long micros = Long.parseLong(text.substring(0, separator));
            if (micros < 0) {
                throw QueryException.invalidCursor();
            }
            return new Position(micros, text.substring(separator + 1));
        } catch (NumberFormatException e) {
            throw QueryException.invalidCursor();
        }
    }
}
