package io.renlayer.engine.dlp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of a stream that its scan still needs: the last ones released, kept as look-behind context, then
 * the ones held back, then what arrived since.
 */
final class StreamBuffer {

    private byte[] bytes = new byte[1024];
    private int size;
    private int released;

    void append(byte[] chunk, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + length));
        }
        System.arraycopy(chunk, offset, bytes, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    /** How many of the bytes are context: released already. */
    int released() {
        return released;
    }

    /**
     * The end of the last whole UTF-8 character, so that a character split across chunks is scanned and released
     * in one piece. Bytes that are not valid UTF-8 count as whole.
     */
    int wholeCharactersEnd() {
        int lead = size - 1;
        while (lead >= released && lead > size - 4 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < released) {
            return size;
        }
        int b = bytes[lead] & 0xFF;
        int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return lead + length > size ? lead : size;
    }

    byte[] copy(int end) {
        return Arrays.copyOf(bytes, end);
    }

    /** Marks the bytes before {@code releasedEnd} released, and forgets those before {@code keepFrom}. */
    void release(int releasedEnd, int keepFrom) {
        System.arraycopy(bytes, keepFrom, bytes, 0, size - keepFrom);
        size -= keepFrom;
        released = releasedEnd - keepFrom;
    }
}
