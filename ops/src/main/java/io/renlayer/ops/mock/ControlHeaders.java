package io.renlayer.ops.mock;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers by which a test steers one answer of the mock (see {@link MockUpstream} for their meaning).
 *
 * @param status the error status to answer with, or 0 to answer normally
 */
record ControlHeaders(int status, long delayMs, long chunkDelayMs) {

    /** Long enough for any timeout test, short enough that a typo does not hang a build. */
    private static final long MAX_DELAY_MS = 600_000;

    /** @throws IllegalArgumentException naming the header whose value is not a number in its range */
    static ControlHeaders of(HttpFields headers) {
        return new ControlHeaders(
                (int) number(headers, MockUpstream.STATUS_HEADER, 400, 599),
                number(headers, MockUpstream.DELAY_HEADER, 0, MAX_DELAY_MS),
                number(headers, MockUpstream.CHUNK_DELAY_HEADER, 0, MAX_DELAY_MS));
    }

    private static long number(HttpFields headers, String name, long min, long max) {
        String value = headers.get(name);
        if (value == null) {
            return 0;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, with the range the header takes.
        }
        throw new IllegalArgumentException(
                name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
