package io.renlayer.engine.dlp;

/**
 * What a finding may show of its value: enough edge characters for a person to recognise which card or key it
 * was, never enough to use it.
 */
final class Masking {

    private static final int FULLY_MASKED_UP_TO = 8;

    static String mask(String value) {
        if (value.length() <= FULLY_MASKED_UP_TO) {
            return "****";
        }
        return value.substring(0, 2) + "…" + value.substring(value.length() - 2);
    }

    private Masking() {
    }
}
