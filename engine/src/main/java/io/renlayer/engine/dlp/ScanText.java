package io.renlayer.engine.dlp;

import java.nio.charset.StandardCharsets;

/**
 * A string being scanned, with views that several detectors share so each is computed once per text:
 * a one-byte-per-character copy (loops over bytes run several times faster than {@code charAt}), and the
 * {@link Prefilter} that tells every detector where its matches can start.
 */
final class ScanText {

    private final String text;
    private final String fieldName;
    private final int lookBehind;
    private byte[] bytes;
    private Prefilter prefilter;

    /** @param fieldName the JSON member the text is the value of, or null; a key like "password" is context */
    ScanText(String text, String fieldName) {
        this(text, fieldName, 0);
    }

    /**
     * @param lookBehind how many first characters are there only for detectors to look back at: text before them
     *                   is missing (a stream looked at from part-way), so no match is looked for from there
     */
    ScanText(String text, String fieldName, int lookBehind) {
        this.text = text;
        this.fieldName = fieldName;
        this.lookBehind = lookBehind;
    }

    String text() {
        return text;
    }

    String fieldName() {
        return fieldName;
    }

    /**
     * The text one byte per character, so offsets are the same: Latin-1 characters as themselves, anything
     * beyond as {@code ?}, which no built-in detector's ASCII shape contains.
     */
    byte[] bytes() {
        if (bytes == null) {
            bytes = oneBytePerChar(text);
        }
        return bytes;
    }

    private static byte[] oneBytePerChar(String text) {
        // The encoder is a plain copy for Latin-1 text but turns a surrogate pair into one byte, shifting offsets.
        byte[] encoded = text.getBytes(StandardCharsets.ISO_8859_1);
        if (encoded.length == text.length()) {
            return encoded;
        }
        byte[] perChar = new byte[text.length()];
        for (int i = 0; i < perChar.length; i++) {
            char c = text.charAt(i);
            perChar[i] = c < 256 ? (byte) c : (byte) '?';
        }
        return perChar;
    }

    /** Where each detector could match; computed on first use and shared by every detector. */
    Prefilter prefilter() {
        if (prefilter == null) {
            prefilter = Prefilter.scan(bytes(), lookBehind);
        }
        return prefilter;
    }
}
