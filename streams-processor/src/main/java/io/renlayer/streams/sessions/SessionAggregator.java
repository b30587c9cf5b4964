package io.renlayer.streams.sessions;

import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.sessions.SessionState;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.streams.config.TopologySettings;
import io.renlayer.streams.state.Deadlines;
import io.renlayer.streams.state.StateStores;
import io.renlayer.streams.traces.TraceChange;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Set;

/**
 * Keeps one summary per session, keyed {@code tenant_id|session_id}: the key the session's events are partitioned
 * by, so this runs in the task that assembled the traces, and an interactive query finds a session's instance from
 * its key alone. Writes the summary out after each trace; a wall-clock punctuation closes sessions idle for longer
 * than the gap (by their last activity) and deletes closed sessions once that activity is past the retention.
 */
public final class SessionAggregator implements Processor<String, TraceChange, String, SessionSummary> {

    private final TopologySettings settings;
    private ProcessorContext<String, SessionSummary> context;
    private KeyValueStore<String, SessionSummary> sessions;
    private Deadlines deadlines;

    private SessionAggregator(TopologySettings settings) {
        this.settings = settings;
    }

    public static ProcessorSupplier<String, TraceChange, String, SessionSummary> supplier(TopologySettings settings) {
        return StateStores.withStores(() -> new SessionAggregator(settings), Set.of(
                StateStores.keyValue(StateStores.SESSIONS, Serdes.String(), new JsonSerde<>(SessionSummary.class)),
                Deadlines.store(StateStores.SESSION_DEADLINES)));
    }

    @Override
    public void init(ProcessorContext<String, SessionSummary> context) {
        this.context = context;
        sessions = context.getStateStore(StateStores.SESSIONS);
        deadlines = new Deadlines(context.getStateStore(StateStores.SESSION_DEADLINES),
                context.currentSystemTimeMs() + settings.sessionGap().toMillis());
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, TraceChange> record) {
        SessionSummary before = sessions.get(record.key());
        SessionSummary after = SessionMath.apply(before, record.value());
        if (before != null) {
            deadlines.cancel(record.key(), dueAt(before));
        }
        save(record.key(), after);
        context.forward(record.withValue(after));
    }

    /**
     * Deadlines are derived from the summary and the configuration: after a configuration change an entry may
     * be early, so each is checked against the summary and scheduled again when it is not due yet.
     */
    private void sweep(long now) {
        for (String key : deadlines.takeDue(now)) {
            SessionSummary session = sessions.get(key);
            if (session == null) {
                continue;
            }
            if (dueAt(session) > now) {
                deadlines.schedule(key, dueAt(session));
            } else if (session.state() == SessionState.OPEN) {
                SessionSummary closed = SessionMath.closed(session);
                save(key, closed);
                context.forward(new Record<>(key, closed, now));
            } else {
                sessions.delete(key);
            }
        }
    }

    private void save(String key, SessionSummary session) {
        sessions.put(key, session);
        deadlines.schedule(key, dueAt(session));
    }

    /** Open: when it closes (idle for the gap). Closed: when it is deleted (its last activity past the retention). */
    private long dueAt(SessionSummary session) {
        return session.lastSeen().plus(session.state() == SessionState.OPEN ? settings.sessionGap()
                : settings.retention()).toEpochMilli();
    }
}
