package io.renlayer.streams.state;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ids ordered by the wall-clock time something is due for them, so that a punctuation reads only what is due
 * instead of scanning a whole store. Key: the due time (8 bytes, big-endian epoch milliseconds) then the id.
 * <p>
 * Nothing is due before {@code notBefore}: a processor sets it to its start plus the timeout it enforces, so that
 * after a restart or a rebalance the records that arrived meanwhile are processed before anything is declared
 * overdue (a completion still in the backlog must not turn its trace incomplete).
 */
public final class Deadlines {

    private static final byte[] EMPTY = new byte[0];
    /** Greater than any byte of a UTF-8 id: the inclusive upper bound of every key with a given due time. */
    private static final byte TOP = (byte) 0xFF;

    private final KeyValueStore<Bytes, byte[]> store;
    private final long notBefore;

    public Deadlines(KeyValueStore<Bytes, byte[]> store, long notBefore) {
        this.store = store;
        this.notBefore = notBefore;
    }

    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name) {
        return StateStores.keyValue(name, Serdes.Bytes(), Serdes.ByteArray());
    }

    public void schedule(String id, long dueAt) {
        store.put(key(dueAt, id.getBytes(StandardCharsets.UTF_8)), EMPTY);
    }

    public void cancel(String id, long dueAt) {
        store.delete(key(dueAt, id.getBytes(StandardCharsets.UTF_8)));
    }

    /** Removes the ids due at or before {@code now} and returns them, earliest first. */
    public List<String> takeDue(long now) {
        if (now < notBefore) {
            return List.of();
        }
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> due = store.range(null, key(now, new byte[] {TOP}))) {
            due.forEachRemaining(entry -> keys.add(entry.key));
        }
        List<String> ids = new ArrayList<>(keys.size());
        for (Bytes key : keys) {
            store.delete(key);
            byte[] bytes = key.get();
            ids.add(new String(Arrays.copyOfRange(bytes, Long.BYTES, bytes.length), StandardCharsets.UTF_8));
        }
        return ids;
    }

    private static Bytes key(long dueAt, byte[] suffix) {
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + suffix.length).putLong(dueAt).put(suffix).array());
    }
}
