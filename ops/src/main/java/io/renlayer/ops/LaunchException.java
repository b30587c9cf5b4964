package io.renlayer.ops;

/** A startup failure the user can act on: its message is printed as is, without a stack trace. */
final class LaunchException extends RuntimeException {

    /** The launcher's exit status for clashes with the environment (ports, data directory in use). */
    static final int CONFLICT = 2;
    static final int FAILED = 1;

    private final int exitCode;

    LaunchException(String message) {
        this(message, FAILED);
    }

    LaunchException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
