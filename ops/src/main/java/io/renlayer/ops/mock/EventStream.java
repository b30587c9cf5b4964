package io.renlayer.ops.mock;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes a server-sent event stream, each event a write of its own: Jetty sends every write to the socket
 * at once, so a client (or a proxy in between) sees each event as it is produced. The delay between events
 * waits on the server's scheduler rather than in a sleeping thread, so slow streams cost no threads.
 */
final class EventStream extends IteratingCallback {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final Response response;
    private final Callback done;
    private final Scheduler scheduler;
    private final long delayMs;
    private final Iterator<ByteBuffer> events;
    private boolean started;

    private EventStream(Response response, Callback done, Scheduler scheduler, long delayMs, List<ByteBuffer> events) {
        this.response = response;
        this.done = done;
        this.scheduler = scheduler;
        this.delayMs = delayMs;
        this.events = events.iterator();
    }

    /** Sends each payload as a {@code data:} event, then {@code data: [DONE]} as OpenAI ends its streams. */
    static void send(Response response, Callback done, Scheduler scheduler, long delayMs, List<byte[]> payloads) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        List<ByteBuffer> events = new ArrayList<>(payloads.size() + 1);
        payloads.forEach(payload -> events.add(event(payload)));
        events.add(event(DONE));
        new EventStream(response, done, scheduler, delayMs, events).iterate();
    }

    @Override
    protected Action process() {
        if (!events.hasNext()) {
            return Action.SUCCEEDED;
        }
        ByteBuffer event = events.next();
        boolean last = !events.hasNext();
        if (started && delayMs > 0) {
            scheduler.schedule(() -> response.write(last, event, this), delayMs, TimeUnit.MILLISECONDS);
        } else {
            response.write(last, event, this);
        }
        started = true;
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteSuccess() {
        done.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        done.failed(cause);
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    private static ByteBuffer event(byte[] payload) {
        return ByteBuffer.allocate(DATA.length + payload.length + END.length)
                .put(DATA).put(payload).put(END)
                .flip();
    }
}
