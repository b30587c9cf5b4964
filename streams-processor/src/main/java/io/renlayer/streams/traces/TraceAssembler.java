package io.renlayer.streams.traces;

import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.traces.TraceStatus;
import io.renlayer.streams.config.TopologySettings;
import io.renlayer.streams.state.Deadlines;
import io.renlayer.streams.state.StateStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Joins each request event with its completion event into a trace. Both events of a trace have the same record
 * key, so they reach the same task, and a local store joins them in whichever order they come, without
 * repartitioning. A request left alone past the completion timeout becomes an {@code incomplete} trace; a
 * completion that turns up later makes it {@code completed}. A written trace is the duplicate check: an event of a
 * trace already in the trace stores is a duplicate, as long as the trace is retained.
 * <p>
 * Forwards each written trace to {@link #TO_TRACES}, its change to {@link #TO_SESSIONS} when it has a session, and
 * each request event seen for the first time to {@link #TO_SECURITY}.
 */
public final class TraceAssembler implements Processor<String, ProxyEvent, String, Object> {

    public static final String TO_TRACES = "traces-out";
    public static final String TO_SESSIONS = "session-aggregator";
    public static final String TO_SECURITY = "request-security-events";

    private static final Logger LOG = LoggerFactory.getLogger(TraceAssembler.class);

    private final TopologySettings settings;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, PendingTrace> pending;
    private Deadlines deadlines;
    private TraceStore traces;

    private TraceAssembler(TopologySettings settings) {
        this.settings = settings;
    }

    public static ProcessorSupplier<String, ProxyEvent, String, Object> supplier(TopologySettings settings) {
        Set<StoreBuilder<?>> stores = new HashSet<>(TraceStore.builders());
        stores.add(StateStores.keyValue(StateStores.PENDING_TRACES, Serdes.String(),
                new JsonSerde<>(PendingTrace.class)));
        stores.add(Deadlines.store(StateStores.TRACE_DEADLINES));
        return StateStores.withStores(() -> new TraceAssembler(settings), stores);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        pending = context.getStateStore(StateStores.PENDING_TRACES);
        deadlines = new Deadlines(context.getStateStore(StateStores.TRACE_DEADLINES),
                context.currentSystemTimeMs() + settings.completionTimeout().toMillis());
        traces = new TraceStore(context);
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, ProxyEvent> record) {
        switch (record.value()) {
            case null -> LOG.warn("ignoring a record without a value on key {}", record.key());
            case RequestEvent request -> onRequest(record, request);
            case CompletionEvent completion -> onCompletion(record, completion);
        }
    }

    private void onRequest(Record<String, ProxyEvent> record, RequestEvent request) {
        String id = TraceKeys.byId(request.tenantId(), request.traceId());
        PendingTrace half = pending.get(id);
        if (half == null && !traces.contains(request.tenantId(), request.traceId())) {
            context.forward(record.withValue(request), TO_SECURITY);
            await(id, new PendingTrace(request, null, expiry()));
        } else if (half != null && half.request() == null) {
            context.forward(record.withValue(request), TO_SECURITY);
            stopAwaiting(id, half);
            write(TraceAssembly.completed(TraceAssembly.incomplete(request), half.completion()), null,
                    record.timestamp());
        }
    }

    private void onCompletion(Record<String, ProxyEvent> record, CompletionEvent completion) {
        String id = TraceKeys.byId(completion.tenantId(), completion.traceId());
        PendingTrace half = pending.get(id);
        if (half == null) {
            Trace written = traces.get(completion.tenantId(), completion.traceId());
            if (written == null) {
                await(id, new PendingTrace(null, completion, expiry()));
            } else if (written.status() == TraceStatus.INCOMPLETE) {
                write(TraceAssembly.completed(written, completion), written, record.timestamp());
            }
        } else if (half.completion() == null) {
            stopAwaiting(id, half);
            write(TraceAssembly.completed(TraceAssembly.incomplete(half.request()), completion), null,
                    record.timestamp());
        }
    }

    /** Writes out requests whose completion did not come in time, and purges traces past their retention. */
    private void sweep(long now) {
        for (String id : deadlines.takeDue(now)) {
            PendingTrace half = pending.delete(id);
            if (half != null && half.request() != null) {
                write(TraceAssembly.incomplete(half.request()), null, now);
            } else if (half != null) {
                LOG.warn("trace {} of tenant {}: no request event within {}; its completion is dropped",
                        half.completion().traceId(), half.completion().tenantId(), settings.completionTimeout());
            }
        }
        traces.purgeReceivedBefore(Instant.ofEpochMilli(now).minus(settings.retention()));
    }

    private void write(Trace trace, Trace previous, long timestamp) {
        traces.put(trace);
        String key = ProxyEvent.key(trace.tenantId(), trace.sessionId(), trace.traceId());
        context.forward(new Record<>(key, trace, timestamp), TO_TRACES);
        if (trace.sessionId() != null) {
            context.forward(new Record<>(key, new TraceChange(trace, previous), timestamp), TO_SESSIONS);
        }
    }

    private void await(String id, PendingTrace half) {
        pending.put(id, half);
        deadlines.schedule(id, half.expiresAt());
    }

    private void stopAwaiting(String id, PendingTrace half) {
        pending.delete(id);
        deadlines.cancel(id, half.expiresAt());
    }

    private long expiry() {
        return context.currentSystemTimeMs() + settings.completionTimeout().toMillis();
    }
}
