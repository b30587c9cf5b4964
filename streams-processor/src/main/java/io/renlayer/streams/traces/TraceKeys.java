package io.renlayer.streams.traces;

import org.apache.kafka.common.utils.Bytes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The keys of the trace stores. Stores order keys by their bytes, so a key is laid out for the scans it serves:
 * <ul>
 * <li>{@code traces}: tenant id, 0x00, {@code Long.MAX_VALUE - received_at in µs} (8 bytes, big-endian), trace id.
 *     One tenant's traces are contiguous, newest first; no range of one tenant reaches into another's.</li>
 * <li>{@code session-traces}: tenant id, 0x00, session id, 0x00, then as above.</li>
 * <li>{@code trace-ids}: the string {@code tenant_id|trace_id}.</li>
 * </ul>
 * Ids and session ids are ASCII, so 0x00 ends a prefix exactly and 0xFF bounds a range from above.
 */
public final class TraceKeys {

    private static final byte END = 0x00;
    private static final byte TOP = (byte) 0xFF;

    /** Inclusive bounds for {@code range(from, to)}. */
    public record KeyRange(Bytes from, Bytes to) {
    }

    public static Bytes byTime(String tenantId, Instant receivedAt, String traceId) {
        return join(terminated(tenantId), inverted(receivedAt), utf8(traceId));
    }

    public static Bytes bySession(String tenantId, String sessionId, Instant receivedAt, String traceId) {
        return join(terminated(tenantId), terminated(sessionId), inverted(receivedAt), utf8(traceId));
    }

    public static String byId(String tenantId, String traceId) {
        return tenantId + "|" + traceId;
    }

    /** A tenant's traces received in [{@code from}, {@code to}], newest first. */
    public static KeyRange tenantTraces(String tenantId, Instant from, Instant to) {
        byte[] tenant = terminated(tenantId);
        return new KeyRange(join(tenant, inverted(to)), join(tenant, inverted(from), new byte[] {TOP}));
    }

    /** A session's traces received in [{@code from}, {@code to}], newest first. */
    public static KeyRange sessionTraces(String tenantId, String sessionId, Instant from, Instant to) {
        byte[] session = join(terminated(tenantId), terminated(sessionId)).get();
        return new KeyRange(join(session, inverted(to)), join(session, inverted(from), new byte[] {TOP}));
    }

    /** The {@code traces} key a {@code session-traces} key points to. */
    public static Bytes byTimeOf(Bytes sessionKey) {
        byte[] key = sessionKey.get();
        int tenantEnd = indexOf(key, END, 0);
        int sessionEnd = indexOf(key, END, tenantEnd + 1);
        return join(Arrays.copyOfRange(key, 0, tenantEnd + 1), Arrays.copyOfRange(key, sessionEnd + 1, key.length));
    }

    public static String tenantOf(Bytes byTimeKey) {
        byte[] key = byTimeKey.get();
        return new String(key, 0, indexOf(key, END, 0), StandardCharsets.UTF_8);
    }

    /** The first possible {@code traces} key after every key of {@code tenantId}. */
    static Bytes afterTenant(String tenantId) {
        return join(utf8(tenantId), new byte[] {END + 1});
    }

    /** Microseconds since the epoch: the precision of the time in the keys. */
    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static byte[] inverted(Instant instant) {
        return ByteBuffer.allocate(Long.BYTES).putLong(Long.MAX_VALUE - micros(instant)).array();
    }

    private static byte[] terminated(String text) {
        return join(utf8(text), new byte[] {END}).get();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Bytes join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return Bytes.wrap(out.toByteArray());
    }

    private static int indexOf(byte[] key, byte value, int from) {
        for (int i = from; i < key.length; i++) {
            if (key[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a trace store key");
    }

    private TraceKeys() {
    }
}
