package io.renlayer.schemas.sessions;

import java.util.regex.Pattern;

/**
 * What an agent may send as {@code X-RenLayer-Session}: the proxy refuses anything else, and the query APIs treat
 * anything else as no session at all. Chosen to be safe in store keys, URL paths and log lines without escaping.
 */
public final class SessionIds {

    public static final String HEADER = "X-RenLayer-Session";
    /** For error messages. */
    public static final String RULE = "1 to 128 of A-Z a-z 0-9 . _ : / @ + = -";

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:/@+=-]{1,128}");

    public static boolean isValid(String sessionId) {
        return sessionId != null && SESSION_ID.matcher(sessionId).matches();
    }

    private SessionIds() {
    }
}
