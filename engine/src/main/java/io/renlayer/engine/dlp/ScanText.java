package io.renlayer.engine.dlp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string being scanned, with views that several detectors share so each is computed once per text:
 * a one-byte-per-character copy (loops over bytes run several times faster than {@code charAt}), and the
 * index of digit runs that the five numeric detectors (cards, IBANs, SSNs, phones, IPv4) start from.
 */
final class ScanText {

    private static final int[] EMPTY_RUNS = {0};

    private final String text;
    private final String fieldName;
    private byte[] bytes;
    private int[] digitRuns;

    /** @param fieldName the JSON member the text is the value of, or null; a key like "password" is context */
    ScanText(String text, String fieldName) {
        this.text = text;
        this.fieldName = fieldName;
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

    /** How many maximal runs of ASCII digits the text has. */
    int digitRunCount() {
        return digitRuns()[0];
    }

    /** Offset where the {@code index}-th run of digits begins; runs are in text order. */
    int digitRunStart(int index) {
        return digitRuns()[index + 1];
    }

    /** The count, then the run starts; left with spare capacity rather than copied to size. */
    private int[] digitRuns() {
        if (digitRuns == null) {
            digitRuns = findDigitRuns(bytes());
        }
        return digitRuns;
    }

    private static int[] findDigitRuns(byte[] b) {
        int[] runs = EMPTY_RUNS;
        int count = 0;
        boolean inRun = false;
        for (int i = 0; i < b.length; i++) {
            boolean digit = b[i] >= '0' && b[i] <= '9';
            if (digit && !inRun) {
                if (count + 1 == runs.length) {
                    runs = Arrays.copyOf(runs, Math.max(32, runs.length * 2));
                }
                runs[++count] = i;
            }
            inRun = digit;
        }
        if (count > 0) {
            runs[0] = count;
        }
        return runs;
    }
}
