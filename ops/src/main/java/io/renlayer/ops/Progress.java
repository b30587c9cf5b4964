package io.renlayer.ops;

import java.io.PrintStream;
import java.util.Locale;

/** The numbered startup lines, e.g. {@code [1/6] PostgreSQL ... ready on 127.0.0.1:54320 (1.2 s)}. */
final class Progress {

    private final PrintStream out;
    private final int total;
    private int current;

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    Step start(String what) {
        current++;
        out.printf("[%d/%d] %s ... ", current, total, what);
        out.flush();
        return new Step(System.nanoTime());
    }

    /** Prints its result when done, or "failed" when closed without one (the step threw). */
    final class Step implements AutoCloseable {
        private final long startedAt;
        private boolean finished;

        private Step(long startedAt) {
            this.startedAt = startedAt;
        }

        void done(String result) {
            finish(result);
        }

        @Override
        public void close() {
            if (!finished) {
                finish("failed");
            }
        }

        private void finish(String result) {
            finished = true;
            out.printf(Locale.ROOT, "%s (%.1f s)%n", result, (System.nanoTime() - startedAt) / 1e9);
        }
    }
}
