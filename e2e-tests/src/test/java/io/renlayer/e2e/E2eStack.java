package io.renlayer.e2e;

import io.renlayer.ops.stack.FullStack;

/**
 * One running product per test JVM (starting it takes most of a minute), shared by the end-to-end test classes;
 * each works in tenants of its own. api-service runs with a small heap, so a flat-memory export is proven, not
 * assumed: an export that buffered would fail with OutOfMemoryError.
 */
final class E2eStack {

    /** Far below the size of the 100k-trace export (about 80 MB of NDJSON). */
    static final String API_HEAP = "-Xmx96m";

    private static FullStack stack;

    static synchronized FullStack get() {
        if (stack == null) {
            try {
                stack = FullStack.start(FullStack.Options.defaults().withApiJvmFlags(API_HEAP));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the stack", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    private E2eStack() {
    }
}
