package io.renlayer.engine.dlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Splits a body into the segments DLP scans. A body holding one JSON object or array is walked value by value,
 * so escapes are decoded before matching (an escaped secret is still found) and each finding gets a JSON
 * pointer. Anything else, including JSON that turns out malformed half-way, is scanned as one text segment.
 * The format is sniffed from the bytes, never taken from the Content-Type header: the client controls that
 * header, and a false one must not turn JSON scanning off.
 */
final class BodySegments {

    private static final JsonFactory JSON = new JsonFactory();

    /** Runs {@code visit} on every segment, which appends its results to the list; returns all results. */
    static <R> List<R> collect(byte[] body, BiConsumer<Segment, List<R>> visit) {
        List<R> results = new ArrayList<>();
        if (startsLikeJson(body) && visitJson(body, segment -> visit.accept(segment, results))) {
            return results;
        }
        results.clear();
        visit.accept(textSegment(body), results);
        return results;
    }

    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** False when the body is not exactly one well-formed JSON document. */
    private static boolean visitJson(byte[] body, Consumer<Segment> visit) {
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            boolean rootClosed = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (rootClosed) {
                    return false;
                }
                JsonStreamContext context = parser.getParsingContext();
                rootClosed = context.inRoot();
                Segment.Kind kind = switch (token) {
                    case VALUE_STRING -> Segment.Kind.JSON_STRING;
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Segment.Kind.JSON_NUMBER;
                    default -> null;
                };
                if (kind != null) {
                    int rawStart = (int) parser.currentTokenLocation().getByteOffset();
                    visit.accept(new Segment(kind, parser.getText(), fieldName(context), rawStart, context));
                }
            }
            return true;
        } catch (IOException malformed) {
            return false;
        }
    }

    private static String fieldName(JsonStreamContext context) {
        if (context.inArray() && context.getParent() != null) {
            return context.getParent().getCurrentName();
        }
        return context.getCurrentName();
    }

    /** The body as one text segment: UTF-8, or one byte per character when it is not valid UTF-8. */
    static Segment textSegment(byte[] body) {
        String utf8 = new String(body, StandardCharsets.UTF_8);
        // The decoder only substitutes U+FFFD for malformed input, so a body without it needs no second check.
        if (utf8.indexOf('\uFFFD') >= 0 && !isValidUtf8(body)) {
            return Segment.text(Segment.Kind.LATIN1_TEXT, new String(body, StandardCharsets.ISO_8859_1));
        }
        return Segment.text(Segment.Kind.UTF8_TEXT, utf8);
    }

    private static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    private BodySegments() {
    }
}
