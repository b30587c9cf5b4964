package io.renlayer.engine.dlp;

import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * One piece of a body that DLP scans: a JSON string or number value, or the whole body as text. A JSON
 * segment's location is read from the parser's live context, so a segment is only valid inside the callback
 * that receives it.
 *
 * @param rawStart  offset in the body's bytes of the value's first byte (a string's opening quote)
 * @param fieldName the member name the value belongs to (for array elements, the array's), or null
 */
record Segment(Kind kind, String text, String fieldName, int rawStart, JsonStreamContext json) {

    static final String TEXT_LOCATION = "body";

    enum Kind {
        JSON_STRING,
        JSON_NUMBER,
        /** The body decoded as UTF-8. */
        UTF8_TEXT,
        /** A body that is not valid UTF-8, read one byte per character so offsets stay exact. */
        LATIN1_TEXT
    }

    static Segment text(Kind kind, String text) {
        return new Segment(kind, text, null, 0, null);
    }

    /** A JSON pointer ({@code /messages/0/content}, {@code ~0}/{@code ~1} escaped) or {@code body}. */
    String location() {
        return json == null ? TEXT_LOCATION : json.pathAsPointer().toString();
    }
}
