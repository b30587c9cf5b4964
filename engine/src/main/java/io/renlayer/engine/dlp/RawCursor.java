package io.renlayer.engine.dlp;

/**
 * Maps character offsets of a segment's decoded text back to byte offsets of the body, walking forward only
 * (offsets must be asked for in ascending order). Knows UTF-8 widths and, inside JSON strings, escape sequences,
 * which is what lets redaction replace exactly the matched bytes and leave every other byte as it was.
 */
final class RawCursor {

    private final byte[] body;
    private final Segment.Kind kind;
    private int position;
    private int chars;

    RawCursor(byte[] body, Segment segment) {
        this.body = body;
        this.kind = segment.kind();
        // A JSON string's text starts after its opening quote.
        this.position = segment.rawStart() + (kind == Segment.Kind.JSON_STRING ? 1 : 0);
    }

    /** The byte offset of the character at {@code charOffset}, at or after the last offset asked for. */
    int startOf(int charOffset) {
        while (skipPlainAscii(charOffset) < charOffset && chars + charsInUnit() <= charOffset) {
            advance();
        }
        return position;
    }

    /** The byte offset just past the character before {@code charOffset}, never splitting a multi-byte unit. */
    int endOf(int charOffset) {
        while (skipPlainAscii(charOffset) < charOffset) {
            advance();
        }
        return position;
    }

    /** How many characters begin before byte {@code byteOffset}, at or after the last offset asked for. */
    int charsBefore(int byteOffset) {
        while (position < byteOffset) {
            skipPlainAscii(chars + byteOffset - position);
            if (position < byteOffset) {
                advance();
            }
        }
        return chars;
    }

    /**
     * Most text is ASCII without escapes, one byte per character: a tight loop gets through it, up to the next
     * other unit or {@code charOffset}. Returns the characters passed so far.
     */
    private int skipPlainAscii(int charOffset) {
        boolean escapes = kind == Segment.Kind.JSON_STRING;
        while (chars < charOffset) {
            byte b = body[position];
            if (b < 0 || (escapes && b == '\\')) {
                break;
            }
            position++;
            chars++;
        }
        return chars;
    }

    private void advance() {
        chars += charsInUnit();
        position += bytesInUnit();
    }

    private int charsInUnit() {
        // Four-byte UTF-8 sequences decode to a surrogate pair.
        return kind != Segment.Kind.LATIN1_TEXT && (body[position] & 0xF8) == 0xF0 ? 2 : 1;
    }

    private int bytesInUnit() {
        int lead = body[position] & 0xFF;
        if (kind == Segment.Kind.LATIN1_TEXT) {
            return 1;
        }
        if (kind == Segment.Kind.JSON_STRING && lead == '\\') {
            return body[position + 1] == 'u' ? 6 : 2;
        }
        if (lead < 0x80) {
            return 1;
        }
        if (lead < 0xE0) {
            return 2;
        }
        return lead < 0xF0 ? 3 : 4;
    }
}
